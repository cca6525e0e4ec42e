using Exemplar.Domain.Calendar;
using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Calendar.Obligations;

/// <summary>
/// The one place where a policy file's procedure and management rules become the calendar's
/// <see cref="ObligationRules"/>: notice length, annual summary and local report deadlines, change filing window (with
/// the event it counts from and whom it is filed with), validity, re-review in the expiry year and the text's own
/// expiry. Citations name the text and its article. Beijing's 第十六条 periodic reporting has no due date in the
/// text, so it is shown on the programme page, not derived as a dated obligation.
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
            ChangeFiling: m.ChangeFiling is { } c
                ? new WorkingDaysRule(c.WorkingDays, Cite(p, c.Citation), c.EventWording,
                    (c.Via is { } via ? $"通过{via.Label}" : "") + string.Join("、", c.FileTo.Select(t => t.Label)))
                : null,
            Validity: m.Validity.Years is { } y ? new ValidityRule(y, Cite(p, m.Validity.Citation)) : null,
            ReReviewInExpiryYear: m.ReReview is { InExpiryYear: true } reReview && m.Validity.Years is not null ? new ReReviewRule(Cite(p, reReview.Citation)) : null,
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
