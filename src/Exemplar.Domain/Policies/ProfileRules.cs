namespace Exemplar.Domain.Policies;

public sealed record ProfileProblem(string Path, string Message);

/// <summary>
/// The ranges a profile's values must keep, one rule set for the self-check form, the pasted JSON, the API and the
/// command line: numbers within <see cref="FactDefinition.Range"/> (counts whole), texts that are a real division code
/// or a listed option, and dates in a plausible window — nothing dated after the reference date that must already
/// have happened. Every message is Chinese and names the field and the range.
/// </summary>
public static class ProfileRules
{
    public const int MaxNameLength = 200;
    public const int MaxSourceLength = 40;
    public const int MaxTextLength = 200;

    /// <summary>The earliest reference date or application deadline a self-check accepts.</summary>
    public static readonly DateOnly EarliestReferenceDate = new(2000, 1, 1);

    public static readonly DateOnly EarliestPenaltyDate = new(1990, 1, 1);

    public static readonly IReadOnlyList<string> PenaltyKinds = ["criminal", "seriousAdministrative", "administrative", "seriousDishonesty"];

    public static string? CheckNumber(FactDefinition definition, decimal value) =>
        definition.Range?.Check(value, definition.Label, definition.Unit)
        ?? (value < 0 ? $"“{definition.Label}”不能为负数，您填写了 {value}。" : null);

    public static string? CheckText(FactDefinition definition, string raw)
    {
        var text = raw.Trim();
        return definition.Format switch
        {
            TextFormat.DivisionCode => DivisionCodes.Check(text, definition.Label),
            TextFormat.Option when definition.Options.All(o => o.Value != text) =>
                $"“{definition.Label}”应为以下之一：{string.Join("、", definition.Options.Select(o => $"{o.Label}（{o.Value}）"))}。",
            _ when text.Length > MaxTextLength => $"“{definition.Label}”不能超过 {MaxTextLength} 个字符。",
            _ => null,
        };
    }

    /// <summary>Checks that need the whole profile (dates against the reference date); empty when it is plausible.</summary>
    public static IReadOnlyList<ProfileProblem> Validate(Profile profile)
    {
        var problems = new List<ProfileProblem>();
        var reference = profile.ReferenceDate;
        if (reference < EarliestReferenceDate || reference.Year > 2100)
        {
            problems.Add(new("$.referenceDate", $"“基准日期”应在 {Date(EarliestReferenceDate)}至 2100年12月31日之间，您填写了 {Date(reference)}。"));
        }

        if (profile.ApplicationDeadline is { } deadline && (deadline < EarliestReferenceDate || deadline > reference.AddYears(5)))
        {
            problems.Add(new("$.applicationDeadline", $"“申报截止日期”应在 {Date(EarliestReferenceDate)}至基准日期后五年（{Date(reference.AddYears(5))}）之间，您填写了 {Date(deadline)}。"));
        }

        foreach (var (key, fact) in profile.Facts.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!FactCatalogue.TryGet(key, out var definition))
            {
                continue;
            }

            var path = "$.facts." + key;
            if (definition.PastDate && fact.AsDate is { } date && (date < FactCatalogue.EarliestPastDate || date > reference))
            {
                problems.Add(new(path, $"“{definition.Label}”应在 {Date(FactCatalogue.EarliestPastDate)}至基准日期（{Date(reference)}）之间，您填写了 {Date(date)}。"));
            }

            if (fact.AsSeries is { } series)
            {
                foreach (var point in series.Where(p => p.Year < EarliestReferenceDate.Year || p.Year > reference.Year))
                {
                    problems.Add(new(path, $"“{definition.Label}”的年度应在 {EarliestReferenceDate.Year} 年至基准日期所在的 {reference.Year} 年之间，您填写了 {point.Year} 年。"));
                }
            }

            if (fact.AsPenalties is { } penalties)
            {
                var latest = profile.ApplicationDeadline is { } d && d > reference ? d : reference;
                foreach (var p in penalties.Where(p => p.Date < EarliestPenaltyDate || p.Date > latest))
                {
                    problems.Add(new(path, $"处罚日期应在 {Date(EarliestPenaltyDate)}至{(latest == reference ? "基准日期" : "申报截止日期")}（{Date(latest)}）之间，您填写了 {Date(p.Date)}。"));
                }
            }
        }

        return problems;
    }

    private static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
