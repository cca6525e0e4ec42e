using Exemplar.Domain.Calendar;
using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Calendar.Obligations;

/// <summary>
/// The one place where a policy file's procedure and management rules become the calendar's
/// <see cref="ObligationRules"/>: notice length, annual summary and local report deadlines, change filing window,
/// validity, re-review in the expiry year and the text's own expiry. Citations name the text and its article.
/// </summary>
public static class PolicyObligationRules
{
    public static ObligationRules For(PolicyVersion p, int policyLapseLeadDays)
    {
        var m = p.Management;
        var notice = p.Procedure.PublicNotice;
        return new ObligationRules(
            p.Id,
            PublicNotice: notice.WorkingDays is { } n ? new WorkingDaysRule(n, Cite(p, notice.Citation)) : null,
            AnnualSummary: m.AnnualSummaryDue is { } s ? new AnnualDeadlineRule(Deadline(s), Cite(p, s.Citation)) : null,
            AnnualReport: m.LocalAnnualReportDue is { } r ? new AnnualDeadlineRule(Deadline(r), Cite(p, r.Citation)) : null,
            ChangeFiling: m.ChangeFilingWorkingDays is { } c ? new WorkingDaysRule(c, Cite(p, m.ChangeFilingCitation)) : null,
            Validity: m.ValidityYears is { } y ? new ValidityRule(y, Cite(p, m.ValidityCitation)) : null,
            ReReviewInExpiryYear: m.ReReviewAtExpiry && m.ValidityYears is not null ? new ReReviewRule(Cite(p, m.ValidityCitation)) : null,
            PolicyExpiry: p.EffectiveTo is { } to ? new PolicyExpiryRule(to, policyLapseLeadDays, Cite(p, ArticleOf(p.EffectiveNote))) : null);
    }

    /// <summary>《聊城市小型微型企业创业创新示范基地建设管理办法》第十四条.</summary>
    public static string Cite(PolicyVersion p, string? article) => $"《{p.Title}》{article}";

    /// <summary>"第二十条：本办法自…" → "第二十条".</summary>
    private static string? ArticleOf(string? note)
    {
        if (note is null) return null;
        var colon = note.IndexOf('：', StringComparison.Ordinal);
        return colon > 0 && note.StartsWith('第') ? note[..colon] : note;
    }

    private static AnnualDeadline Deadline(MonthDayDeadline d) =>
        d.Day is { } day ? AnnualDeadline.On(d.Month, day) : AnnualDeadline.EndOf(d.Month);
}
