using System.Globalization;
using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Policies;

public sealed record FormFieldset(string Id, string Legend, IReadOnlyList<FactDefinition> Facts);

public sealed record FunctionFieldset(ServiceFunctionDefinition Function, IReadOnlyList<FactDefinition> Measures, bool AsksOffered);

/// <summary>A count the programmes ask per registration region (北京 入驻本市小型、微型企业), asked as “其中注册在北京市的”.</summary>
public sealed record RegionCountField(string Fact, string Prefix, string PlaceName)
{
    public string Name => SelfCheckForm.RegionCountField(Fact, Prefix);
    public string Label => $"{FactCatalogue.LabelOf(Fact).Replace("按注册地统计", "", StringComparison.Ordinal)}中注册在{PlaceName}的";
}

/// <summary>
/// The self-check form, built from <see cref="FactCatalogue"/>: field names are <c>f.&lt;fact&gt;</c>,
/// <c>s.&lt;series&gt;.&lt;year&gt;</c>, <c>fn.&lt;function&gt;.&lt;measure&gt;</c>, <c>dc.&lt;fact&gt;.&lt;division prefix&gt;</c>,
/// <c>a.&lt;attestation&gt;</c> (+ <c>e.</c> for the evidence), <c>p.&lt;i&gt;.date</c>/<c>kind</c>/<c>subject</c> and
/// <c>penaltiesNone</c>. An empty field is missing data, never zero. Every value goes through
/// <see cref="ProfileRules"/>, the same ranges as the JSON and the API.
/// </summary>
public static class SelfCheckForm
{
    public const int PenaltyRows = 3;

    private static readonly (string Id, string Legend, string[] Keys)[] Groups =
    [
        ("carrier", "载体与运营单位", ["carrierType", "locationDivisionCode", "registrationDivisionCode", "baseFoundedOn", "operatorSince", "operatorFoundedOn", "baseType", "highEndManufacturingBase"]),
        ("residents", "入驻企业", ["residentSmallMicroCount", "residentTotalCount", "leadingIndustryResidentCount", "topTwoLeadingIndustryResidentCount", "leadingIndustryCount", "smallMicroEmployeeCount", "enterprisesServedAnnual"]),
        ("staff", "服务队伍", ["fullTimeServiceStaffCount", "fullTimeStaffBachelorOrIntermediateCount", "serviceStaffTotalCount", "serviceStaffBachelorOrIntermediateCount", "serviceStaffJuniorCollegeOrIntermediateCount", "mentorCount", "partnerAgencyCount"]),
        ("service", "服务量与满意度（上一年度）", ["totalServiceVolume", "freeOrLowFeeServiceVolume", "freeOrLowFeeVolumeToSmallMicro", "freeOrLowFeeVolumeToResidentSmallMicro", "residentSmallMicroSatisfactionPercent", "userSatisfactionPercent"]),
        ("premises", "场地与资产", ["buildingArea", "publicServiceArea", "siteArea", "totalAssets"]),
    ];

    private static bool IsScalar(FactDefinition f) => f.Type is not (FactType.Series or FactType.Penalties or FactType.DivisionCounts);

    public static IReadOnlyList<FormFieldset> Fieldsets()
    {
        var scalar = FactCatalogue.Facts.Where(IsScalar).ToList();
        var sets = Groups.Select(g => new FormFieldset(g.Id, g.Legend, g.Keys.Select(k => scalar.FirstOrDefault(f => f.Key == k)).OfType<FactDefinition>().ToList())).ToList();
        var placed = Groups.SelectMany(g => g.Keys).ToHashSet(StringComparer.Ordinal);
        var rest = scalar.Where(f => !placed.Contains(f.Key)).ToList();
        if (rest.Count > 0)
        {
            sets.Add(new FormFieldset("other", "其他", rest));
        }

        return sets;
    }

    public static IReadOnlyList<FactDefinition> Series => FactCatalogue.Facts.Where(f => f.Type == FactType.Series).ToList();

    /// <summary>The three years before the reference year, oldest first.</summary>
    public static IReadOnlyList<int> SeriesYears(DateOnly referenceDate) => [referenceDate.Year - 3, referenceDate.Year - 2, referenceDate.Year - 1];

    /// <summary>Per function, the measures some programme asks for, and whether some programme only asks "offered".</summary>
    public static IReadOnlyList<FunctionFieldset> Functions(IEnumerable<PolicyVersion> policies)
    {
        var groups = policies.SelectMany(p => p.AllConditions().OfType<KOfNCondition>()).SelectMany(k => k.Functions).ToList();
        return FactCatalogue.Functions
            .Select(fn =>
            {
                var used = groups.Where(g => g.Function == fn.Id).ToList();
                var measures = used.SelectMany(g => g.Measures.Select(m => m.Measure)).Distinct().ToHashSet(StringComparer.Ordinal);
                return new FunctionFieldset(fn, FactCatalogue.Measures.Where(m => measures.Contains(m.Key)).ToList(), used.Any(g => g.Measures.Count == 0));
            })
            .Where(f => f.Measures.Count > 0 || f.AsksOffered)
            .ToList();
    }

    /// <summary>The registration regions the programmes count in (北京市 for 入驻本市小型、微型企业).</summary>
    public static IReadOnlyList<RegionCountField> RegionCounts(IEnumerable<PolicyVersion> policies) =>
        policies.SelectMany(p => p.AllConditions().OfType<ThresholdCondition>())
            .Where(t => t.RegisteredIn is not null)
            .SelectMany(t => t.RegisteredIn!.DivisionPrefixes.Select(prefix => new RegionCountField(t.Fact, prefix, t.RegisteredIn.PlaceName)))
            .DistinctBy(f => f.Name)
            .ToList();

    public static string FactField(string key) => "f." + key;

    public static string SeriesField(string key, int year) => $"s.{key}.{year}";

    public static string FunctionField(string function, string measure) => $"fn.{function}.{measure}";

    public static string RegionCountField(string fact, string prefix) => $"dc.{fact}.{prefix}";

    public static string AttestationField(string key) => "a." + key;

    public static string EvidenceField(string key) => "e." + key;

    /// <summary>The form's values for a profile (to prefill it, e.g. from the ledger).</summary>
    public static Dictionary<string, string> ValuesOf(Profile profile)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ReferenceDate"] = Iso(profile.ReferenceDate),
        };
        if (profile.ApplicationDeadline is { } d)
        {
            values["ApplicationDeadline"] = Iso(d);
        }

        foreach (var (key, fact) in profile.Facts)
        {
            switch (fact.Value)
            {
                case IReadOnlyList<YearValue> series:
                    foreach (var p in series)
                    {
                        values[SeriesField(key, p.Year)] = Number(p.Value);
                    }

                    break;
                case IReadOnlyList<DivisionCount> counts:
                    foreach (var c in counts)
                    {
                        values[RegionCountField(key, c.Division)] = Number(c.Count);
                    }

                    break;
                case Attestation a:
                    var id = key["attestations.".Length..];
                    values[AttestationField(id)] = a.Value ? "true" : "false";
                    values[EvidenceField(id)] = string.Join("，", a.Evidence);
                    break;
                case IReadOnlyList<Penalty>:
                    break;
                default:
                    var field = key.StartsWith("functions.", StringComparison.Ordinal)
                        ? FunctionField(key.Split('.')[1], key.Split('.')[2])
                        : FactField(key);
                    values[field] = fact.Value switch
                    {
                        decimal n => Number(n),
                        DateOnly date => Iso(date),
                        bool b => b ? "true" : "false",
                        _ => fact.Value.ToString() ?? "",
                    };
                    break;
            }
        }

        return values;
    }

    /// <summary>
    /// Builds the profile; <paramref name="errors"/> names each field that could not be read and the range it must keep.
    /// A field whose value still equals <paramref name="prefilled"/> keeps <paramref name="prefilledSource"/> as its source.
    /// </summary>
    public static Profile? Build(IReadOnlyDictionary<string, string> form, List<string> errors, string? name = null,
        IReadOnlyDictionary<string, string>? prefilled = null, string? prefilledSource = null)
    {
        string Get(string field) => form.TryGetValue(field, out var v) ? v.Trim() : "";
        string SourceOf(string field, string text) =>
            prefilled is not null && prefilledSource is not null && prefilled.TryGetValue(field, out var p) && p == text ? prefilledSource : ProfileJson.DefaultSource;

        var reference = ParseDate(Get("ReferenceDate"));
        if (reference is null)
        {
            errors.Add("请填写基准日期（年-月-日）。");
        }

        DateOnly? deadline = null;
        if (Get("ApplicationDeadline") is { Length: > 0 } d)
        {
            deadline = ParseDate(d);
            if (deadline is null)
            {
                errors.Add("“申报截止日期”应为日期（年-月-日）。");
            }
        }

        var facts = new Dictionary<string, Fact>(StringComparer.Ordinal);
        foreach (var def in FactCatalogue.Facts.Where(IsScalar))
        {
            var field = FactField(def.Key);
            var text = Get(field);
            if (text.Length > 0 && Scalar(def, text, errors) is { } value)
            {
                facts[def.Key] = new Fact(value, SourceOf(field, text));
            }
        }

        foreach (var def in Series)
        {
            var prefix = $"s.{def.Key}.";
            var points = new List<YearValue>();
            var source = ProfileJson.DefaultSource;
            foreach (var (field, raw) in form.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var text = raw.Trim();
                if (text.Length == 0 || !int.TryParse(field[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                {
                    continue;
                }

                if (Scalar(def with { Label = $"{def.Label}（{year}年）", Type = FactType.Number }, text, errors) is decimal n)
                {
                    points.Add(new YearValue(year, n));
                    source = SourceOf(field, text);
                }
            }

            if (points.Count > 0)
            {
                facts[def.Key] = new Fact(points, source);
            }
        }

        foreach (var group in form.Where(kv => kv.Key.StartsWith("dc.", StringComparison.Ordinal) && kv.Value.Trim().Length > 0)
                     .GroupBy(kv => kv.Key.Split('.')[1], StringComparer.Ordinal))
        {
            if (!FactCatalogue.TryGet(group.Key, out var def) || def.Type != FactType.DivisionCounts)
            {
                errors.Add("表单中有无法识别的按注册地统计项，请刷新页面后重新填写。");
                continue;
            }

            var counts = new List<DivisionCount>();
            var source = ProfileJson.DefaultSource;
            foreach (var (field, raw) in group)
            {
                var prefix = field.Split('.').Last();
                if (DivisionCodes.CheckPrefix(prefix, def.Label) is { } error)
                {
                    errors.Add(error);
                }
                else if (Scalar(def with { Label = $"{def.Label}（注册地 {prefix}）", Type = FactType.Number }, raw.Trim(), errors) is decimal n)
                {
                    counts.Add(new DivisionCount(prefix, n));
                    source = SourceOf(field, raw.Trim());
                }
            }

            if (counts.Count > 0)
            {
                facts[def.Key] = new Fact(counts, source);
            }
        }

        foreach (var fn in FactCatalogue.Functions)
        {
            foreach (var m in FactCatalogue.Measures)
            {
                var key = FactCatalogue.FunctionKey(fn.Id, m.Key);
                var field = FunctionField(fn.Id, m.Key);
                var text = Get(field);
                if (text.Length > 0 && Scalar(FactCatalogue.Get(key), text, errors) is { } value)
                {
                    facts[key] = new Fact(value, SourceOf(field, text));
                }
            }
        }

        foreach (var a in FactCatalogue.Attestations)
        {
            var text = Get(AttestationField(a.Key));
            if (text is "true" or "false")
            {
                var evidence = Get(EvidenceField(a.Key)).Split([',', '，', '、', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (evidence.Length > 50 || evidence.Any(x => x.Length > ProfileRules.MaxNameLength))
                {
                    errors.Add($"“{a.Label}”的证明材料至多 50 个，每个文件名不超过 {ProfileRules.MaxNameLength} 个字符。");
                    continue;
                }

                facts[FactCatalogue.AttestationKey(a.Key)] = new Fact(new Attestation(text == "true", evidence), ProfileJson.DefaultSource);
            }
            else if (text.Length > 0)
            {
                errors.Add($"“{a.Label}”应选择“是”或“否”。");
            }
        }

        var penalties = new List<Penalty>();
        for (var i = 0; i < PenaltyRows; i++)
        {
            var date = Get($"p.{i}.date");
            var kind = Get($"p.{i}.kind");
            var subject = Get($"p.{i}.subject") is { Length: > 0 } s ? s : Penalty.Unit;
            if (date.Length == 0 && kind.Length == 0)
            {
                continue;
            }

            if (ParseDate(date) is not { } pd || !ProfileRules.PenaltyKinds.Contains(kind) || subject is not (Penalty.Unit or Penalty.LegalRepresentative))
            {
                errors.Add($"第 {i + 1} 条处罚记录应同时填写日期（年-月-日）、处罚类别和处罚对象。");
                continue;
            }

            penalties.Add(new Penalty(pd, kind, null, subject));
        }

        if (penalties.Count > 0 || Get("penaltiesNone") is "true" or "on")
        {
            facts["penalties"] = new Fact(penalties, ProfileJson.DefaultSource);
        }

        if (errors.Count > 0 || reference is null)
        {
            return null;
        }

        var profile = new Profile(reference.Value, deadline, facts, name);
        errors.AddRange(ProfileRules.Validate(profile).Select(p => p.Message));
        return errors.Count > 0 ? null : profile;
    }

    private static object? Scalar(FactDefinition def, string text, List<string> errors)
    {
        switch (def.Type)
        {
            case FactType.Number:
                if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    errors.Add(def.Range is { } r ? $"“{def.Label}”应为数字（{r.Describe(def.Unit)}），您填写了“{Shorten(text)}”。" : $"“{def.Label}”应为数字。");
                    return null;
                }

                if (ProfileRules.CheckNumber(def, n) is { } rangeError)
                {
                    errors.Add(rangeError);
                    return null;
                }

                return n;
            case FactType.Date:
                if (ParseDate(text) is { } date)
                {
                    return date;
                }

                errors.Add($"“{def.Label}”应为日期（年-月-日），您填写了“{Shorten(text)}”。");
                return null;
            case FactType.Boolean:
                if (text is "true" or "false")
                {
                    return text == "true";
                }

                errors.Add($"“{def.Label}”应选择“是”或“否”。");
                return null;
            default:
                if (ProfileRules.CheckText(def, text) is { } textError)
                {
                    errors.Add(textError);
                    return null;
                }

                return text;
        }
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal d) => d.ToString("0.##########", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
