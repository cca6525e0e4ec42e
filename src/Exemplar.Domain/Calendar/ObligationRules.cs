namespace Exemplar.Domain.Calendar;

/// <summary>
/// A count of working days with the article that sets it (e.g. 第十二条). For a change filing, <paramref name="Event"/>
/// names the day it counts from (变更完成 / 发生变更) and <paramref name="SubmitTo"/> whom it is filed with.
/// </summary>
public sealed record WorkingDaysRule(int WorkingDays, string Citation, string? Event = null, string? SubmitTo = null);

public sealed record AnnualDeadlineRule(AnnualDeadline Due, string Citation);

public sealed record ValidityRule(int Years, string Citation);

public sealed record ReReviewRule(string Citation);

/// <summary>The policy text's own last day in force, and how many days before it the lapse is announced.</summary>
public sealed record PolicyExpiryRule(DateOnly EffectiveTo, int WarningLeadDays, string Citation);

/// <summary>
/// A programme's deadlines as its policy file states them; a null rule means the text sets no such obligation.
/// <paramref name="ProgrammeKey"/> names the programme (and version) in obligation keys.
/// </summary>
public sealed record ObligationRules(
    string ProgrammeKey,
    WorkingDaysRule? PublicNotice = null,
    AnnualDeadlineRule? AnnualSummary = null,
    AnnualDeadlineRule? AnnualReport = null,
    WorkingDaysRule? ChangeFiling = null,
    ValidityRule? Validity = null,
    ReReviewRule? ReReviewInExpiryYear = null,
    PolicyExpiryRule? PolicyExpiry = null);

/// <summary>Inclusive range of years; for annual obligations these are the years reported on (上一年度).</summary>
public sealed record YearRange(int From, int To)
{
    public IEnumerable<int> Years() => From > To ? [] : Enumerable.Range(From, To - From + 1);
}

/// <summary>
/// What happened to one subject (a base, a call or an authority, named by <paramref name="SubjectKey"/>).
/// Every field is optional: the derivation produces the obligations the given facts allow.
/// </summary>
public sealed record ObligationFacts(
    string SubjectKey,
    string? SubjectName = null,
    DateOnly? DesignatedOn = null,
    DateOnly? CallNoticePublishedOn = null,
    IReadOnlyList<DateOnly>? ChangesCompletedOn = null,
    YearRange? ReportingYears = null);
