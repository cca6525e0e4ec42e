using Exemplar.Domain.Calendar;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Designations;

namespace Exemplar.Web.Features.AnnualSummaries;

/// <summary>What the policy file says about one annual filing: the due date for a year, to whom, the items and the article.</summary>
public sealed record FilingRule(PolicyVersion Policy, MonthDayDeadline Deadline, string Citation)
{
    public DateOnly DueFor(int year) => FilingTimeliness.DueFor(
        Deadline.Day is { } d ? AnnualDeadline.On(Deadline.Month, d) : AnnualDeadline.EndOf(Deadline.Month), year);

    /// <summary>当年工作计划 is among the items (昆明第十六条、第十七条).</summary>
    public bool AsksWorkPlan => Deadline.Items.Any(i => i.Contains("工作计划", StringComparison.Ordinal));

    /// <summary>"每年1月10日前将上一年度工作总结报县工信部门"</summary>
    public string Wording => Deadline.Wording;
}

/// <summary>
/// Reads the annual summary and local report rules from the policy files: a designation follows the version it was
/// designated under (a lapsed text still governs the bases it designated), a local report the programme's governing
/// version. Nothing here is per programme.
/// </summary>
public sealed class FilingRules(ProgrammePolicies policies)
{
    public PolicyVersion? PolicyOf(Designation d) =>
        policies.VersionsOf(d.ProgrammeId).FirstOrDefault(v => v.Version == d.PolicyVersion)
        ?? policies.VersionsOf(d.ProgrammeId).OrderByDescending(v => v.EffectiveFrom ?? DateOnly.MinValue).FirstOrDefault();

    public FilingRule? SummaryRule(Designation d) => PolicyOf(d) is { Management.AnnualSummaryDue: { } due } p
        ? new FilingRule(p, due, PolicyObligationRules.Cite(p, due.Citation)) : null;

    public PolicyVersion? Governing(string programmeId, DateOnly today) =>
        policies.Governing(today).FirstOrDefault(p => p.Id == programmeId);

    public FilingRule? ReportRule(string programmeId, DateOnly today) => Governing(programmeId, today) is { Management.LocalAnnualReportDue: { } due } p
        ? new FilingRule(p, due, PolicyObligationRules.Cite(p, due.Citation)) : null;

    /// <summary>Programmes whose text has a local annual report, governing on <paramref name="today"/>.</summary>
    public IEnumerable<PolicyVersion> ReportingProgrammes(DateOnly today) =>
        policies.Governing(today).Where(p => p.Management.LocalAnnualReportDue is not null && p.Management.LocalChecks is not null);

    /// <summary>
    /// The years whose summary a designation owes, as the obligations engine counts them: from the year it was
    /// announced, while valid and not revoked before the year ended, among <paramref name="years"/>.
    /// </summary>
    public static bool Owes(Designation d, int year) =>
        d.AnnouncedOn.Year <= year && (d.ValidUntil is null || d.ValidUntil.Value.Year >= year) && (d.RevokedOn is null || d.RevokedOn.Value.Year > year);

    /// <summary>The years shown and filed: last year and this year (the obligations engine's window).</summary>
    public static YearRange Window(DateOnly today) => new(today.Year - 1, today.Year);
}
