namespace Exemplar.Domain.Policies;

public enum CarrierKind
{
    Base,
    Platform,
}

public sealed record SupersededDocument(string DocumentNumber, string? Title, string? Citation);

public sealed record CitedText(string Citation, string Text);

/// <summary>Day null means the last day of the month (月底).</summary>
public sealed record MonthDayDeadline(int Month, int? Day, string Wording, string SubmitTo, string Citation)
{
    public DateOnly In(int year) => new(year, Month, Day ?? DateTime.DaysInMonth(year, Month));
}

public sealed record PublicNoticeRule(int? WorkingDays, string? QualifierWord, string Citation);

public sealed record ProcedureRules(
    IReadOnlyList<string> Recommenders,
    string RecommendationCitation,
    string SiteInspection,
    string? SiteInspectionCitation,
    PublicNoticeRule PublicNotice,
    CitedText? ObjectionHandling,
    bool CollectiveDecision,
    bool Plaque,
    string? Frequency);

public sealed record ManagementRules(
    int? ValidityYears,
    string? ValidityCitation,
    MonthDayDeadline? AnnualSummaryDue,
    MonthDayDeadline? LocalAnnualReportDue,
    int? ChangeFilingWorkingDays,
    string? ChangeFilingCitation,
    IReadOnlyList<CitedText> RevocationGrounds,
    int? ReapplyBanYears,
    bool NoRepeatWhileValid,
    bool ReReviewAtExpiry,
    CitedText? PriorityRecommendation,
    CitedText? Evaluation);

/// <summary>One version of one programme, loaded from <c>policies/&lt;id&gt;.json</c>.</summary>
public sealed record PolicyVersion
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Title { get; init; }
    public required string Issuer { get; init; }
    public required string DocumentNumber { get; init; }
    public required CarrierKind Kind { get; init; }
    public DateOnly? EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }
    public string? EffectiveNote { get; init; }
    public IReadOnlyList<SupersededDocument> Supersedes { get; init; } = [];
    public required DateRoundingRule DateRounding { get; init; }
    public required string DateRoundingBasis { get; init; }
    public required IReadOnlyList<Condition> Conditions { get; init; }
    public required IReadOnlyList<CitedText> Materials { get; init; }
    public required ProcedureRules Procedure { get; init; }
    public required ManagementRules Management { get; init; }
    /// <summary>File name the policy was loaded from.</summary>
    public required string Source { get; init; }
    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public required string ContentHash { get; init; }

    /// <summary>
    /// Null when the text states no date (Beijing) and no administrator has set one.
    /// </summary>
    public bool? IsInForceOn(DateOnly date)
    {
        if (EffectiveFrom is null)
        {
            return null;
        }

        return date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);
    }

    /// <summary>For programmes whose date an administrator sets (施行日期未在文本中载明).</summary>
    public PolicyVersion WithEffectiveFrom(DateOnly date) => this with { EffectiveFrom = date };

    public IEnumerable<Condition> AllConditions() => Flatten(Conditions);

    private static IEnumerable<Condition> Flatten(IEnumerable<Condition> conditions)
    {
        foreach (var c in conditions)
        {
            yield return c;
            if (c is AlternativesCondition a)
            {
                foreach (var inner in Flatten(a.Branches.SelectMany(b => b.Conditions)))
                {
                    yield return inner;
                }
            }
        }
    }
}
