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
///     "operatingSince": "2019-05-01",
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
        var facts = new Dictionary<string, Fact>(StringComparer.Ordinal);
        if (root.TryGetProperty("facts", out var factsElement))
        {
            ReadFacts(factsElement, facts);
        }

        return new Profile(reference, deadline, facts, name);
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
                foreach (var function in property.Value.EnumerateObject())
                {
                    foreach (var measure in function.Value.EnumerateObject())
                    {
                        var key = FactCatalogue.FunctionKey(function.Name, measure.Name);
                        AddOrRemove(into, key, measure.Value, $"{path}.{function.Name}.{measure.Name}");
                    }
                }
            }
            else if (property.Name == "attestations")
            {
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
            throw new ProfileFormatException(path, $"未知事实项“{key}”");
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

        object parsed = definition.Type switch
        {
            FactType.Number => ReadNumber(value, path),
            FactType.Date => ReadDate(value, path),
            FactType.Text => value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new ProfileFormatException(path, "应为字符串"),
            FactType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw new ProfileFormatException(path, "应为 true 或 false"),
            FactType.Series => ReadSeries(value, path),
            FactType.Penalties => ReadPenalties(value, path),
            FactType.Attestation => ReadAttestation(value, path, ref source),
            _ => throw new ProfileFormatException(path, "不支持的类型"),
        };
        return new Fact(parsed, source);
    }

    private static decimal ReadNumber(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var value))
        {
            if (value < 0)
            {
                throw new ProfileFormatException(path, "不能为负数");
            }

            return value;
        }

        throw new ProfileFormatException(path, "应为数字");
    }

    private static DateOnly ReadDate(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ProfileFormatException(path, "应为 yyyy-MM-dd 格式的日期");

    private static List<YearValue> ReadSeries(JsonElement e, string path)
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

            list.Add(new YearValue(year, ReadNumber(v, itemPath + ".value")));
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
            var description = item.TryGetProperty("description", out var ds) && ds.ValueKind == JsonValueKind.String ? ds.GetString() : null;
            list.Add(new Penalty(date, kind, description));
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
            ? ev.EnumerateArray().Select(x => x.GetString() ?? string.Empty).Where(x => x.Length > 0).ToList()
            : [];
        return new Attestation(v.GetBoolean(), evidence);
    }
}
