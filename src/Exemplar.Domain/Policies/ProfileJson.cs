using System.Globalization;
using System.Text.Json;

namespace Exemplar.Domain.Policies;

public sealed class ProfileFormatException(string path, string message) : FormatException($"{path}: {message}")
{
    public string Path { get; } = path;
}

/// <summary>
/// Reads a profile from JSON:
/// <code>
/// { "name": "…", "referenceDate": "2026-03-31", "applicationDeadline": "2026-04-30",
///   "facts": {
///     "baseFoundedOn": "2019-05-01",
///     "residentSmallMicroCount": { "value": 52, "source": "ledger" },
///     "residentSmallMicroSeries": [ { "year": 2024, "value": 40 }, { "year": 2025, "value": 45 } ],
///     "penalties": [ { "date": "2025-01-01", "kind": "seriousAdministrative" } ],
///     "functions": { "informationService": { "enterpriseVisits": 90, "events": 5 } },
///     "attestations": { "independentLegalPerson": { "value": true, "evidence": ["营业执照.pdf"] } } } }
/// </code>
/// A bare value has source "form"; <c>{ "value": …, "source": "…" }</c> names another source.
/// Keys and types come from <see cref="FactCatalogue"/>; unknown keys are rejected.
/// </summary>
public static class ProfileJson
{
    public const string DefaultSource = "form";

    public static Profile Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Parse(doc.RootElement);
    }

    public static Profile Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ProfileFormatException("$", "应为对象");
        }

        var reference = root.TryGetProperty("referenceDate", out var r)
            ? ReadDate(r, "$.referenceDate")
            : throw new ProfileFormatException("$.referenceDate", "缺少基准日期 referenceDate");
        DateOnly? deadline = root.TryGetProperty("applicationDeadline", out var d) && d.ValueKind != JsonValueKind.Null
            ? ReadDate(d, "$.applicationDeadline")
            : null;
        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (name is { Length: > ProfileRules.MaxNameLength })
        {
            throw new ProfileFormatException("$.name", $"名称不能超过 {ProfileRules.MaxNameLength} 个字符。");
        }

        var facts = new Dictionary<string, Fact>(StringComparer.Ordinal);
        if (root.TryGetProperty("facts", out var factsElement))
        {
            ReadFacts(factsElement, facts);
        }

        var profile = new Profile(reference, deadline, facts, name);
        if (ProfileRules.Validate(profile).FirstOrDefault() is { } problem)
        {
            throw new ProfileFormatException(problem.Path, problem.Message);
        }

        return profile;
    }

    public static void ReadFacts(JsonElement factsElement, IDictionary<string, Fact> into)
    {
        if (factsElement.ValueKind != JsonValueKind.Object)
        {
            throw new ProfileFormatException("$.facts", "应为对象");
        }

        foreach (var property in factsElement.EnumerateObject())
        {
            var path = $"$.facts.{property.Name}";
            if (property.Name == "functions")
            {
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new ProfileFormatException(path, "应为对象：{\"信息服务等功能标识\": {\"指标\": 数值}}");
                }

                foreach (var function in property.Value.EnumerateObject())
                {
                    if (function.Value.ValueKind != JsonValueKind.Object)
                    {
                        throw new ProfileFormatException($"{path}.{function.Name}", "应为对象，如 {\"enterpriseVisits\": 50}");
                    }

                    foreach (var measure in function.Value.EnumerateObject())
                    {
                        var key = FactCatalogue.FunctionKey(function.Name, measure.Name);
                        AddOrRemove(into, key, measure.Value, $"{path}.{function.Name}.{measure.Name}");
                    }
                }
            }
            else if (property.Name == "attestations")
            {
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new ProfileFormatException(path, "应为对象，如 {\"independentLegalPerson\": {\"value\": true, \"evidence\": [\"营业执照.pdf\"]}}");
                }

                foreach (var attestation in property.Value.EnumerateObject())
                {
                    AddOrRemove(into, FactCatalogue.AttestationKey(attestation.Name), attestation.Value, $"{path}.{attestation.Name}");
                }
            }
            else
            {
                AddOrRemove(into, property.Name, property.Value, path);
            }
        }
    }

    private static void AddOrRemove(IDictionary<string, Fact> into, string key, JsonElement value, string path)
    {
        var fact = ParseFact(key, value, path);
        if (fact is null)
        {
            into.Remove(key);
        }
        else
        {
            into[key] = fact;
        }
    }

    /// <summary>Parses one fact by its catalogue key (dotted for functions/attestations); null JSON gives null.</summary>
    public static Fact? ParseFact(string key, JsonElement element, string path)
    {
        if (!FactCatalogue.TryGet(key, out var definition))
        {
            throw new ProfileFormatException(path, FactCatalogue.UnknownKeyMessage(key));
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var source = DefaultSource;
        var value = element;
        if (definition.Type != FactType.Attestation && element.ValueKind == JsonValueKind.Object && element.TryGetProperty("value", out var inner))
        {
            value = inner;
            if (element.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String)
            {
                source = s.GetString()!;
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
        }

        if (source.Length > ProfileRules.MaxSourceLength)
        {
            throw new ProfileFormatException(path + ".source", $"数据来源不能超过 {ProfileRules.MaxSourceLength} 个字符。");
        }

        object parsed = definition.Type switch
        {
            FactType.Number => ReadNumber(value, path, definition),
            FactType.Date => ReadDate(value, path),
            FactType.Text => value.ValueKind == JsonValueKind.String ? CheckText(definition, value.GetString()!, path) : throw new ProfileFormatException(path, "应为字符串"),
            FactType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw new ProfileFormatException(path, "应为 true 或 false"),
            FactType.Series => ReadSeries(value, path, definition),
            FactType.Penalties => ReadPenalties(value, path),
            FactType.Attestation => ReadAttestation(value, path, ref source),
            FactType.DivisionCounts => ReadDivisionCounts(value, path, definition),
            _ => throw new ProfileFormatException(path, "不支持的类型"),
        };
        return new Fact(parsed, source);
    }

    /// <summary>Checks a text fact: a division code that exists, one of the listed options, or free text of bounded length.</summary>
    public static string CheckText(FactDefinition definition, string text, string path)
    {
        var error = ProfileRules.CheckText(definition, text);
        return error is null ? text.Trim() : throw new ProfileFormatException(path, error);
    }

    private static decimal ReadNumber(JsonElement e, string path, FactDefinition definition)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var value))
        {
            if (ProfileRules.CheckNumber(definition, value) is { } error)
            {
                throw new ProfileFormatException(path, error);
            }

            return value;
        }

        throw new ProfileFormatException(path, definition.Range is { } r ? $"“{definition.Label}”应为数字（{r.Describe(definition.Unit)}）" : "应为数字");
    }

    private static List<DivisionCount> ReadDivisionCounts(JsonElement e, string path, FactDefinition definition)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new ProfileFormatException(path, "应为对象 {\"行政区划代码或前缀\": 家数}，如 {\"11\": 52, \"13\": 8}");
        }

        var list = new List<DivisionCount>();
        foreach (var p in e.EnumerateObject())
        {
            var itemPath = $"{path}.{p.Name}";
            if (DivisionCodes.CheckPrefix(p.Name, definition.Label) is { } error)
            {
                throw new ProfileFormatException(itemPath, error);
            }

            if (list.Any(x => x.Division == p.Name))
            {
                throw new ProfileFormatException(itemPath, "注册地重复");
            }

            list.Add(new DivisionCount(p.Name, ReadNumber(p.Value, itemPath, definition with { Label = $"{definition.Label}（{p.Name}）" })));
        }

        return list;
    }

    private static DateOnly ReadDate(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ProfileFormatException(path, "应为 yyyy-MM-dd 格式的日期");

    private static List<YearValue> ReadSeries(JsonElement e, string path, FactDefinition definition)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw new ProfileFormatException(path, "应为数组 [{\"year\":2024,\"value\":40}, …]");
        }

        var list = new List<YearValue>();
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            if (!item.TryGetProperty("year", out var y) || !y.TryGetInt32(out var year))
            {
                throw new ProfileFormatException(itemPath + ".year", "缺少年度或不是整数");
            }

            if (!item.TryGetProperty("value", out var v))
            {
                throw new ProfileFormatException(itemPath + ".value", "缺少数值");
            }

            list.Add(new YearValue(year, ReadNumber(v, itemPath + ".value", definition with { Label = $"{definition.Label}（{year}年）" })));
        }

        if (list.Select(x => x.Year).Distinct().Count() != list.Count)
        {
            throw new ProfileFormatException(path, "年度重复");
        }

        list.Sort((a, b) => a.Year.CompareTo(b.Year));
        return list;
    }

    private static List<Penalty> ReadPenalties(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw new ProfileFormatException(path, "应为数组；无处罚时填 []");
        }

        var list = new List<Penalty>();
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            var date = item.TryGetProperty("date", out var dt) ? ReadDate(dt, itemPath + ".date") : throw new ProfileFormatException(itemPath + ".date", "缺少处罚日期");
            var kind = item.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : throw new ProfileFormatException(itemPath + ".kind", "缺少处罚类别");
            if (!ProfileRules.PenaltyKinds.Contains(kind))
            {
                throw new ProfileFormatException(itemPath + ".kind", $"处罚类别应为 {string.Join("、", ProfileRules.PenaltyKinds)} 之一");
            }

            var description = item.TryGetProperty("description", out var ds) && ds.ValueKind == JsonValueKind.String ? ds.GetString() : null;
            if (description is { Length: > ProfileRules.MaxNameLength })
            {
                throw new ProfileFormatException(itemPath + ".description", $"说明不能超过 {ProfileRules.MaxNameLength} 个字符");
            }

            var subject = item.TryGetProperty("subject", out var sj) && sj.ValueKind == JsonValueKind.String ? sj.GetString()! : Penalty.Unit;
            if (subject is not (Penalty.Unit or Penalty.LegalRepresentative))
            {
                throw new ProfileFormatException(itemPath + ".subject", "处罚对象应为 unit（运营单位）或 legalRepresentative（法定代表人）");
            }

            list.Add(new Penalty(date, kind, description, subject));
        }

        return list;
    }

    private static Attestation ReadAttestation(JsonElement e, string path, ref string source)
    {
        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return new Attestation(e.GetBoolean(), []);
        }

        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("value", out var v) || v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new ProfileFormatException(path, "应为 {\"value\": true, \"evidence\": [\"…\"]}");
        }

        if (e.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String)
        {
            source = s.GetString()!;
        }

        var evidence = e.TryGetProperty("evidence", out var ev) && ev.ValueKind == JsonValueKind.Array
            ? ev.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : throw new ProfileFormatException(path + ".evidence", "证明材料应为文件名字符串")).Where(x => x.Length > 0).ToList()
            : [];
        if (evidence.Count > 50 || evidence.Any(x => x.Length > ProfileRules.MaxNameLength))
        {
            throw new ProfileFormatException(path + ".evidence", $"证明材料至多 50 个，每个文件名不超过 {ProfileRules.MaxNameLength} 个字符");
        }
        return new Attestation(v.GetBoolean(), evidence);
    }
}
