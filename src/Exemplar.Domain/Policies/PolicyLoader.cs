using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Exemplar.Domain.Policies;

/// <summary>
/// Parses and validates one policy file. Takes the text and a source name (the file name); does no I/O.
/// </summary>
public static partial class PolicyLoader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^(第[一二三四五六七八九十百]+条|[一二三四五六七八九十]+、)")]
    private static partial Regex ArticlePattern();

    public static string ComputeHash(string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    /// <summary>Loads or throws <see cref="PolicyLoadException"/> listing every problem.</summary>
    public static PolicyVersion Load(string json, string source)
    {
        var result = TryLoad(json, source);
        return result.Succeeded ? result.Policy! : throw new PolicyLoadException(result.Errors);
    }

    /// <summary>Loads many files; the ids must be unique.</summary>
    public static IReadOnlyList<PolicyVersion> LoadAll(IEnumerable<(string Source, string Json)> files)
    {
        var errors = new List<PolicyLoadError>();
        var policies = new List<PolicyVersion>();
        foreach (var (source, json) in files)
        {
            var r = TryLoad(json, source);
            errors.AddRange(r.Errors);
            if (r.Policy is not null && r.Errors.Count == 0)
            {
                if (policies.Any(p => p.Id == r.Policy.Id && p.Version == r.Policy.Version))
                {
                    errors.Add(new PolicyLoadError(source, "$.id", $"重复的政策标识与版本 {r.Policy.Id} {r.Policy.Version}"));
                }

                policies.Add(r.Policy);
            }
        }

        return errors.Count > 0 ? throw new PolicyLoadException(errors) : policies;
    }

    public static PolicyLoadResult TryLoad(string json, string source)
    {
        var errors = new List<PolicyLoadError>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            errors.Add(new PolicyLoadError(source, $"$ (第 {(ex.LineNumber ?? 0) + 1} 行)", $"JSON 语法错误：{ex.Message}"));
            return new PolicyLoadResult(null, errors);
        }

        using (doc)
        {
            var r = new JsonFieldReader(source, errors);
            var root = doc.RootElement;
            if (!r.IsObject(root, "$"))
            {
                return new PolicyLoadResult(null, errors);
            }

            var id = r.String(root, "id", "$");
            if (id.Length > 0 && !IdPattern().IsMatch(id))
            {
                r.Error("$.id", $"标识“{id}”只能由小写字母、数字和连字符组成");
            }

            var kindText = r.String(root, "kind", "$");
            var kind = kindText switch
            {
                "base" => CarrierKind.Base,
                "platform" => CarrierKind.Platform,
                "" => CarrierKind.Base,
                _ => Fail(r, "$.kind", $"应为 base 或 platform，实际为“{kindText}”", CarrierKind.Base),
            };
            var from = r.OptionalDate(root, "effectiveFrom", "$");
            var to = r.OptionalDate(root, "effectiveTo", "$");
            if (from is { } f && to is { } t && t < f)
            {
                r.Error("$.effectiveTo", $"失效日期 {t:yyyy-MM-dd} 早于施行日期 {f:yyyy-MM-dd}");
            }

            var rounding = r.Object(root, "dateRounding", "$");
            var ruleText = rounding.ValueKind == JsonValueKind.Object ? r.String(rounding, "rule", "$.dateRounding") : string.Empty;
            var rule = ruleText switch
            {
                "lastDayOfMonth" => DateRoundingRule.LastDayOfMonth,
                "firstDayOfNextMonth" => DateRoundingRule.FirstDayOfNextMonth,
                "" => DateRoundingRule.LastDayOfMonth,
                _ => Fail(r, "$.dateRounding.rule", $"应为 lastDayOfMonth 或 firstDayOfNextMonth，实际为“{ruleText}”", DateRoundingRule.LastDayOfMonth),
            };
            var ids = new HashSet<string>(StringComparer.Ordinal) { ApplicantTypeId, ApplicantLocationId };
            var applicants = ReadApplicants(r, root, kind);
            var conditions = ReadConditions(r, root, "conditions", "$", ids);
            if (conditions.Count == 0)
            {
                r.Error("$.conditions", "至少应有一项申报条件");
            }

            conditions.InsertRange(0, ApplicantConditions(applicants));
            var management = ReadManagement(r, r.Object(root, "management", "$"), "$.management");

            var policy = new PolicyVersion
            {
                Id = id,
                Version = r.String(root, "version", "$"),
                Title = r.String(root, "title", "$"),
                Issuer = r.String(root, "issuer", "$"),
                DocumentNumber = r.String(root, "documentNumber", "$"),
                Kind = kind,
                EffectiveFrom = from,
                EffectiveTo = to,
                EffectiveNote = r.OptionalString(root, "effectiveNote", "$"),
                Transitional = OptionalCited(r, root, "transitional", "$"),
                Supersedes = r.Array(root, "supersedes", "$", required: false)
                    .Select(x => new SupersededDocument(r.String(x.Item, "documentNumber", x.Path), r.OptionalString(x.Item, "title", x.Path), r.OptionalString(x.Item, "citation", x.Path)))
                    .ToList(),
                DateRounding = rule,
                DateRoundingBasis = rounding.ValueKind == JsonValueKind.Object ? r.String(rounding, "basis", "$.dateRounding") : string.Empty,
                Applicants = applicants,
                Undertakings = ReadUndertakings(r, root),
                Conditions = conditions,
                Materials = r.Array(root, "materials", "$").Select(x => ReadMaterial(r, x.Item, x.Path)).ToList(),
                Procedure = ReadProcedure(r, r.Object(root, "procedure", "$"), "$.procedure"),
                Management = management,
                Source = source,
                ContentHash = ComputeHash(json),
            };
            return new PolicyLoadResult(errors.Count == 0 ? policy : null, errors);
        }
    }

    internal static T Fail<T>(JsonFieldReader r, string path, string message, T fallback)
    {
        r.Error(path, message);
        return fallback;
    }

    internal static CitedText ReadCited(JsonFieldReader r, JsonElement e, string path) =>
        r.IsObject(e, path) ? new CitedText(r.String(e, "citation", path), r.String(e, "text", path)) : new CitedText(string.Empty, string.Empty);

    internal static CitedText? OptionalCited(JsonFieldReader r, JsonElement obj, string name, string path) =>
        r.Has(obj, name) ? ReadCited(r, obj.GetProperty(name), $"{path}.{name}") : null;

    private static List<Condition> ReadConditions(JsonFieldReader r, JsonElement obj, string name, string path, HashSet<string> ids) =>
        r.Array(obj, name, path).Select(x => ReadCondition(r, x.Item, x.Path, ids)).OfType<Condition>().ToList();

    private static Condition? ReadCondition(JsonFieldReader r, JsonElement e, string path, HashSet<string> ids)
    {
        if (!r.IsObject(e, path))
        {
            return null;
        }

        var id = r.String(e, "id", path);
        if (id.Length > 0 && !ids.Add(id))
        {
            r.Error($"{path}.id", $"条件标识“{id}”重复");
        }

        var citation = r.String(e, "citation", path);
        var article = r.OptionalString(e, "article", path) ?? ArticleOf(citation);
        if (citation.Length > 0 && !ArticlePattern().IsMatch(article))
        {
            r.Error($"{path}.citation", $"出处“{citation}”应以“第X条”或“X、”开头");
        }

        var quote = r.OptionalString(e, "quote", path);
        var type = r.String(e, "type", path);
        var requirement = r.String(e, "requirement", path);
        var checklist = r.Strings(e, "checklist", path);
        Condition? condition = type switch
        {
            "threshold" => ReadThreshold(r, e, path, id, citation, article, requirement, quote),
            "ratio" => new RatioCondition { Id = id, Citation = citation, Article = article, Requirement = requirement, Numerator = Fact(r, e, "numerator", path, FactType.Number), Denominator = Fact(r, e, "denominator", path, FactType.Number), Bound = ReadBound(r, e, path, "percent", quote) },
            "duration" => new DurationCondition { Id = id, Citation = citation, Article = article, Requirement = requirement, Fact = Fact(r, e, "fact", path, FactType.Date), Bound = ReadBound(r, e, path, "years", quote) },
            "growth" => new GrowthCondition { Id = id, Citation = citation, Article = article, Requirement = requirement, Fact = Fact(r, e, "fact", path, FactType.Series), Bound = ReadBound(r, e, path, "percent", quote) },
            "registration" => new RegistrationCondition { Id = id, Citation = citation, Article = article, Requirement = requirement, Fact = Fact(r, e, "fact", path, FactType.Text), DivisionPrefixes = ReadPrefixes(r, e, path), PlaceName = r.String(e, "placeName", path) },
            "lookback" => ReadLookback(r, e, path, id, citation, article, requirement, quote),
            "attestation" => new AttestationCondition { Id = id, Citation = citation, Article = article, Requirement = requirement, Attestation = AttestationId(r, e, path), EvidenceRequired = r.Bool(e, "evidenceRequired", path, true) },
            "review" => new ReviewCondition { Id = id, Citation = citation, Article = article, Requirement = requirement },
            "alternatives" => new AlternativesCondition { Id = id, Citation = citation, Article = article, Requirement = requirement, Branches = ReadBranches(r, e, path, ids) },
            "kOfN" => ReadKOfN(r, e, path, id, citation, article, requirement, quote),
            "" => null,
            _ => Fail<Condition?>(r, $"{path}.type", $"未知条件类型“{type}”（threshold, ratio, duration, growth, registration, lookback, attestation, review, alternatives, kOfN）", null),
        };
        if (condition is ReviewCondition && checklist.Count == 0)
        {
            r.Error($"{path}.checklist", "定性评审事项必须给出评审要点清单");
        }

        return condition is null ? null : condition with { Quote = quote, Checklist = checklist, JsonPath = path, Interpretation = r.OptionalString(e, "interpretation", path) };
    }

    /// <summary>第六条第（三）项 → 第六条; 二、申报条件（一）第2段 → 二、申报条件.</summary>
    public static string ArticleOf(string citation)
    {
        var m = ArticleOfPattern().Match(citation);
        return m.Success ? m.Value : citation;
    }

    [GeneratedRegex("^(第[一二三四五六七八九十百]+条|[一二三四五六七八九十]+、[^（(0-9第]+)")]
    private static partial Regex ArticleOfPattern();

    private static ThresholdCondition ReadThreshold(JsonFieldReader r, JsonElement e, string path, string id, string citation, string article, string requirement, string? quote)
    {
        var key = e.TryGetProperty("fact", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : string.Empty;
        var isCounts = FactCatalogue.TryGet(key, out var definition) && definition.Type == FactType.DivisionCounts;
        var fact = isCounts ? key : Fact(r, e, "fact", path, FactType.Number);
        RegionFilter? region = null;
        if (r.Has(e, "registeredIn"))
        {
            var w = e.GetProperty("registeredIn");
            region = new RegionFilter(ReadPrefixes(r, w, $"{path}.registeredIn"), r.String(w, "placeName", $"{path}.registeredIn"));
            if (!isCounts)
            {
                r.Error($"{path}.registeredIn", $"只有按注册地统计的事实项（如 residentSmallMicroByRegistration）才能限定注册地，“{key}”不是");
            }
        }
        else if (isCounts)
        {
            r.Error($"{path}.registeredIn", $"事实项“{key}”按注册地统计，须用 registeredIn 说明计入哪里注册的企业");
        }

        return new ThresholdCondition { Id = id, Citation = citation, Article = article, Requirement = requirement, Fact = fact, Bound = ReadBound(r, e, path, "value", quote), RegisteredIn = region };
    }

    private static string Fact(JsonFieldReader r, JsonElement e, string name, string path, FactType expected)
    {
        var key = r.String(e, name, path);
        if (key.Length == 0)
        {
            return key;
        }

        if (!FactCatalogue.TryGet(key, out var definition))
        {
            r.Error($"{path}.{name}", $"{FactCatalogue.UnknownKeyMessage(key)}（见 FactCatalogue）");
        }
        else if (definition.Type != expected)
        {
            r.Error($"{path}.{name}", $"事实项“{key}”的类型为 {definition.Type}，此处需要 {expected}");
        }

        return key;
    }

    private static string AttestationId(JsonFieldReader r, JsonElement e, string path)
    {
        var id = r.String(e, "attestation", path);
        if (id.Length > 0 && !FactCatalogue.TryGet(FactCatalogue.AttestationKey(id), out _))
        {
            r.Error($"{path}.attestation", $"未知承诺/证明事项“{id}”");
        }

        return id;
    }

    private static Bound ReadBound(JsonFieldReader r, JsonElement e, string path, string valueField, string? quote)
    {
        var word = r.String(e, "qualifier", path);
        var comparison = Comparison.AtLeast;
        var known = word.Length > 0 && Qualifier.TryParse(word, out comparison);
        if (word.Length > 0 && !known)
        {
            r.Error($"{path}.qualifier", $"未知限定词“{word}”，可用：{string.Join("、", Qualifier.Known)}");
        }

        if (known && quote is not null && !Normalise(quote).Contains(word, StringComparison.Ordinal))
        {
            r.Error($"{path}.qualifier", $"限定词“{word}”未出现在引文“{quote}”中");
        }

        var value = r.Number(e, valueField, path);
        if (value < 0)
        {
            r.Error($"{path}.{valueField}", "不能为负数");
        }

        var unit = r.OptionalString(e, "unit", path) ?? (valueField == "percent" ? "%" : valueField == "years" ? "年" : string.Empty);
        return new Bound(word, comparison, value, unit, r.OptionalString(e, "hedge", path));
    }

    internal static IReadOnlyList<string> ReadPrefixes(JsonFieldReader r, JsonElement e, string path)
    {
        var prefixes = r.Strings(e, "divisionPrefixes", path, required: true);
        foreach (var (p, i) in prefixes.Select((p, i) => (p, i)))
        {
            if (p.Length is < 2 or > 6 || !p.All(char.IsAsciiDigit))
            {
                r.Error($"{path}.divisionPrefixes[{i}]", $"行政区划代码前缀“{p}”应为 2 至 6 位数字");
            }
        }

        if (prefixes.Count == 0)
        {
            r.Error($"{path}.divisionPrefixes", "至少需要一个行政区划代码前缀");
        }

        return prefixes;
    }

    private static LookbackCondition ReadLookback(JsonFieldReader r, JsonElement e, string path, string id, string citation, string article, string requirement, string? quote)
    {
        var word = r.String(e, "qualifier", path);
        if (word.Length > 0 && !Qualifier.TryParse(word, out _) && word != "内")
        {
            r.Error($"{path}.qualifier", $"未知限定词“{word}”");
        }

        var years = r.OptionalInt(e, "years", path);
        if (years is null or <= 0)
        {
            r.Error($"{path}.years", "回溯年数应为正整数");
        }

        var kinds = r.Strings(e, "disqualifyingKinds", path, required: true);
        if (kinds.Count == 0)
        {
            r.Error($"{path}.disqualifyingKinds", "至少列出一种处罚类别");
        }

        return new LookbackCondition
        {
            Id = id, Citation = citation, Article = article, Requirement = requirement, Quote = quote,
            Fact = Fact(r, e, "fact", path, FactType.Penalties), Years = years ?? 0, QualifierWord = word, DisqualifyingKinds = kinds,
        };
    }

    private static IReadOnlyList<Branch> ReadBranches(JsonFieldReader r, JsonElement e, string path, HashSet<string> ids)
    {
        var branches = new List<Branch>();
        foreach (var (item, p) in r.Array(e, "branches", path))
        {
            if (!r.IsObject(item, p))
            {
                continue;
            }

            AppliesWhen? when = null;
            if (r.Has(item, "appliesWhen"))
            {
                var w = item.GetProperty("appliesWhen");
                var fact = r.String(w, "fact", $"{p}.appliesWhen");
                if (fact.Length > 0 && !FactCatalogue.TryGet(fact, out _))
                {
                    r.Error($"{p}.appliesWhen.fact", FactCatalogue.UnknownKeyMessage(fact));
                }

                var equals = w.TryGetProperty("equals", out var eq) ? eq.ValueKind switch
                {
                    JsonValueKind.String => eq.GetString()!,
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => Fail(r, $"{p}.appliesWhen.equals", "应为字符串或布尔值", string.Empty),
                } : Fail(r, $"{p}.appliesWhen.equals", "缺少必填字段", string.Empty);
                when = new AppliesWhen(fact, equals);
            }

            var conditions = ReadConditions(r, item, "conditions", p, ids);
            if (conditions.Count == 0)
            {
                r.Error($"{p}.conditions", "分支至少应有一项条件");
            }

            branches.Add(new Branch(r.String(item, "id", p), r.String(item, "label", p), when, conditions));
        }

        if (branches.Count < 2)
        {
            r.Error($"{path}.branches", "择一条件至少需要两个分支");
        }

        return branches;
    }

    private static KOfNCondition ReadKOfN(JsonFieldReader r, JsonElement e, string path, string id, string citation, string article, string requirement, string? quote)
    {
        var functions = new List<FunctionRequirement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, p) in r.Array(e, "functions", path))
        {
            if (!r.IsObject(item, p))
            {
                continue;
            }

            var function = r.String(item, "function", p);
            if (function.Length > 0 && FactCatalogue.Functions.All(f => f.Id != function))
            {
                r.Error($"{p}.function", $"未知服务功能“{function}”");
            }

            if (function.Length > 0 && !seen.Add(function))
            {
                r.Error($"{p}.function", $"服务功能“{function}”重复");
            }

            var fQuote = r.OptionalString(item, "quote", p);
            var measures = new List<MeasureRequirement>();
            foreach (var (m, mp) in r.Array(item, "measures", p, required: false))
            {
                var measure = r.String(m, "measure", mp);
                if (measure.Length > 0 && FactCatalogue.Measures.All(x => x.Key != measure || x.Type != FactType.Number))
                {
                    r.Error($"{mp}.measure", $"未知的数量指标“{measure}”");
                }

                var mQuote = r.OptionalString(m, "quote", mp) ?? fQuote;
                measures.Add(new MeasureRequirement(measure, ReadBound(r, m, mp, "value", mQuote), mQuote));
            }

            var checklist = r.Strings(item, "checklist", p);
            if (measures.Count == 0 && checklist.Count == 0)
            {
                r.Error(p, "无数量指标的服务功能须给出评审要点清单 checklist");
            }

            functions.Add(new FunctionRequirement(function, FactCatalogue.FunctionLabel(function), r.String(item, "citation", p), fQuote, measures, checklist));
        }

        var k = r.OptionalInt(e, "k", path) ?? 0;
        if (k <= 0 || k > functions.Count)
        {
            r.Error($"{path}.k", $"K 应在 1 到 {functions.Count} 之间，实际为 {k}");
        }

        var word = r.String(e, "qualifier", path);
        if (word.Length > 0 && quote is not null && !Normalise(quote).Contains(word, StringComparison.Ordinal))
        {
            r.Error($"{path}.qualifier", $"限定词“{word}”未出现在引文中");
        }

        return new KOfNCondition { Id = id, Citation = citation, Article = article, Requirement = requirement, K = k, QualifierWord = word, Functions = functions };
    }

    /// <summary>Removes all whitespace, as the seeds break lines inside numbers and words.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (!char.IsWhiteSpace(ch))
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }
}
