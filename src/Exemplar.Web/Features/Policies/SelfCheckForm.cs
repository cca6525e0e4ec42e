using System.Globalization;
using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Policies;

public sealed record FormFieldset(string Legend, IReadOnlyList<FactDefinition> Facts);

public sealed record FunctionFieldset(ServiceFunctionDefinition Function, IReadOnlyList<FactDefinition> Measures, bool AsksOffered);

/// <summary>
/// The self-check form, built from <see cref="FactCatalogue"/>: field names are <c>f.&lt;fact&gt;</c>,
/// <c>s.&lt;series&gt;.&lt;year&gt;</c>, <c>fn.&lt;function&gt;.&lt;measure&gt;</c>, <c>a.&lt;attestation&gt;</c> (+ <c>e.</c> for the evidence),
/// <c>p.&lt;i&gt;.date</c>/<c>p.&lt;i&gt;.kind</c> and <c>penaltiesNone</c>. An empty field is missing data, never zero.
/// </summary>
public static class SelfCheckForm
{
    public const int PenaltyRows = 3;

    private static readonly (string Legend, string[] Keys)[] Groups =
    [
        ("基本情况", ["operatingSince", "registrationDivisionCode", "baseType", "highEndManufacturingBase"]),
        ("入驻企业", ["residentSmallMicroCount", "residentTotalCount", "leadingIndustryResidentCount", "leadingIndustryCount", "employeeCount", "enterprisesServedAnnual"]),
        ("服务队伍", ["serviceStaffCount", "qualifiedStaffCount", "mentorCount", "partnerAgencyCount"]),
        ("服务量与满意度", ["freeOrLowFeeServiceVolume", "totalServiceVolume", "satisfactionPercent"]),
        ("场地与资产", ["buildingArea", "publicServiceArea", "siteArea", "totalAssets"]),
    ];

    public static IReadOnlyList<FormFieldset> Fieldsets()
    {
        var scalar = FactCatalogue.Facts.Where(f => f.Type is not (FactType.Series or FactType.Penalties)).ToList();
        var sets = Groups.Select(g => new FormFieldset(g.Legend, g.Keys.Select(k => scalar.FirstOrDefault(f => f.Key == k)).OfType<FactDefinition>().ToList())).ToList();
        var placed = Groups.SelectMany(g => g.Keys).ToHashSet(StringComparer.Ordinal);
        var rest = scalar.Where(f => !placed.Contains(f.Key)).ToList();
        if (rest.Count > 0)
        {
            sets.Add(new FormFieldset("其他", rest));
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

    public static string FactField(string key) => "f." + key;

    public static string SeriesField(string key, int year) => $"s.{key}.{year}";

    public static string FunctionField(string function, string measure) => $"fn.{function}.{measure}";

    public static string AttestationField(string key) => "a." + key;

    public static string EvidenceField(string key) => "e." + key;

    /// <summary>Builds the profile; <paramref name="errors"/> names each field that could not be read.</summary>
    public static Profile? Build(IReadOnlyDictionary<string, string> form, List<string> errors, string? name = null)
    {
        string Get(string field) => form.TryGetValue(field, out var v) ? v.Trim() : "";

        var reference = ParseDate(Get("ReferenceDate"));
        if (reference is null)
        {
            errors.Add("请填写基准日期（yyyy-MM-dd）。");
        }

        DateOnly? deadline = null;
        if (Get("ApplicationDeadline") is { Length: > 0 } d)
        {
            deadline = ParseDate(d);
            if (deadline is null)
            {
                errors.Add("申报截止日期格式应为 yyyy-MM-dd。");
            }
        }

        var facts = new Dictionary<string, Fact>(StringComparer.Ordinal);
        foreach (var def in FactCatalogue.Facts.Where(f => f.Type is not (FactType.Series or FactType.Penalties)))
        {
            var text = Get(FactField(def.Key));
            if (text.Length > 0 && Scalar(def, text, errors) is { } value)
            {
                facts[def.Key] = new Fact(value, ProfileJson.DefaultSource);
            }
        }

        foreach (var def in Series)
        {
            var prefix = $"s.{def.Key}.";
            var points = new List<YearValue>();
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
                }
            }

            if (points.Count > 0)
            {
                facts[def.Key] = new Fact(points, ProfileJson.DefaultSource);
            }
        }

        foreach (var fn in FactCatalogue.Functions)
        {
            foreach (var m in FactCatalogue.Measures)
            {
                var key = FactCatalogue.FunctionKey(fn.Id, m.Key);
                var text = Get(FunctionField(fn.Id, m.Key));
                if (text.Length > 0 && Scalar(FactCatalogue.Get(key), text, errors) is { } value)
                {
                    facts[key] = new Fact(value, ProfileJson.DefaultSource);
                }
            }
        }

        foreach (var a in FactCatalogue.Attestations)
        {
            var text = Get(AttestationField(a.Key));
            if (text is "true" or "false")
            {
                var evidence = Get(EvidenceField(a.Key)).Split([',', '，', '、', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                facts[FactCatalogue.AttestationKey(a.Key)] = new Fact(new Attestation(text == "true", evidence), ProfileJson.DefaultSource);
            }
        }

        var penalties = new List<Penalty>();
        for (var i = 0; i < PenaltyRows; i++)
        {
            var date = Get($"p.{i}.date");
            var kind = Get($"p.{i}.kind");
            if (date.Length == 0 && kind.Length == 0)
            {
                continue;
            }

            if (ParseDate(date) is not { } pd || kind.Length == 0)
            {
                errors.Add($"第 {i + 1} 条处罚记录应同时填写日期（yyyy-MM-dd）和类别。");
                continue;
            }

            penalties.Add(new Penalty(pd, kind, null));
        }

        if (penalties.Count > 0 || Get("penaltiesNone") is "true" or "on")
        {
            facts["penalties"] = new Fact(penalties, ProfileJson.DefaultSource);
        }

        return errors.Count > 0 || reference is null ? null : new Profile(reference.Value, deadline, facts, name);
    }

    private static object? Scalar(FactDefinition def, string text, List<string> errors)
    {
        switch (def.Type)
        {
            case FactType.Number:
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n >= 0)
                {
                    return n;
                }

                errors.Add($"“{def.Label}”应为不小于 0 的数字。");
                return null;
            case FactType.Date:
                if (ParseDate(text) is { } date)
                {
                    return date;
                }

                errors.Add($"“{def.Label}”应为日期（yyyy-MM-dd）。");
                return null;
            case FactType.Boolean:
                if (text is "true" or "false")
                {
                    return text == "true";
                }

                errors.Add($"“{def.Label}”应选择“是”或“否”。");
                return null;
            default:
                return text;
        }
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
