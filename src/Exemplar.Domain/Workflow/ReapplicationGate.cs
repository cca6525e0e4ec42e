using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Workflow;

/// <param name="EarliestDate">When the answer may change (the day after a ban ends; 1 January of the expiry year).</param>
/// <param name="Instead">The kind of application the carrier should make instead (复核 in 聊城's expiry year), if any.</param>
public sealed record ReapplicationDecision(bool MayApply, string Reason, string? Citation, DateOnly? EarliestDate = null, ApplicationKind? Instead = null);

/// <summary>
/// May a carrier apply to a programme again, given its designations on record? The one rule the applications feature
/// uses (through <see cref="Admission"/>), read only from the policy file and the designations as recorded:
/// <list type="bullet">
/// <item>a ban recorded at revocation (<see cref="DesignationStanding.ReapplyBannedUntil"/>, set only for the grounds a
/// ban names — 北京第十五条, never 第十四条 or 第十七条) refuses a new application through its last day;</item>
/// <item>while a title is valid: <c>forbidden</c> refuses (聊城第十六条 不得重复申报; 复核 in the expiry year instead),
/// <c>expiryYearOnly</c> admits only in the year the title ends (昆明第十五条); where the text says nothing
/// (<c>unspecified</c>: 西藏, 北京) nothing is refused — the authority decides, and the reason says so;</item>
/// <item>a 复核 needs the text's re-review rule and a valid title ending this year.</item>
/// </list>
/// Validity is the recorded last valid day (<see cref="DesignationStanding.ValidUntil"/>), not a recomputation.
/// </summary>
public static class ReapplicationGate
{
    public static ReapplicationDecision Decide(PolicyVersion policy, IEnumerable<DesignationStanding> designations, ApplicationKind kind, DateOnly today)
    {
        var m = policy.Management;
        var own = designations.Where(d => d.ProgrammeId == policy.Id).ToList();
        var valid = own.FirstOrDefault(d => d.IsValidOn(today));

        if (kind == ApplicationKind.ReReview)
        {
            if (m.ReReview is not { InExpiryYear: true } reReview)
                return new(false, "该办法未规定有效期满复核，请按申报程序提出申请。", null, Instead: ApplicationKind.New);
            return valid?.ValidUntil is { } end && end.Year == today.Year
                ? new(true, $"有效期至{Format(end)}，期满当年按照申报条件和程序申请复核。", reReview.Citation)
                : new(false, $"复核应在示范称号有效期满当年申请（{reReview.Citation}），该载体没有于{today.Year}年期满的有效称号。", reReview.Citation,
                    valid?.ValidUntil is { } later && later.Year > today.Year ? new DateOnly(later.Year, 1, 1) : null);
        }

        var banned = own.Where(d => d.ReapplyBannedUntil is { } until && today <= until).MaxBy(d => d.ReapplyBannedUntil);
        if (banned is not null)
        {
            var ban = m.ReapplicationBans.FirstOrDefault(b => b.Grounds.Any(g => m.Ground(g) is { } ground && banned.RevocationCitation?.Contains(ground.Citation) == true))
                ?? m.ReapplicationBans.FirstOrDefault();
            var until = banned.ReapplyBannedUntil!.Value;
            return new(false,
                $"该载体于{Format(banned.RevokedOn)}被撤销称号（{banned.RevocationCitation}），{(ban is null ? "" : ban.Years + "年内")}不得再次申请" +
                $"（{ban?.Citation ?? banned.RevocationCitation}），禁止申请至{Format(until)}，{Format(until.AddDays(1))}起可再次申请。",
                ban?.Citation ?? banned.RevocationCitation, until.AddDays(1));
        }

        if (valid is null) return new(true, "没有有效的认定，可以申报。", null);

        var article = m.Reapplication.Citation ?? m.Validity.Citation;
        var cite = article is null ? "" : $"（{article}）";
        switch (m.Reapplication.WhileValid)
        {
            case ReapplicationRule.Forbidden when valid.ValidUntil is { } end:
                var reReview = m.ReReview is { InExpiryYear: true };
                return new(false, $"有效期内的示范基地不得重复申报{cite}；称号有效期至{Format(end)}" + (reReview ? $"，期满当年（{end.Year}年）请申请复核。" : "。"),
                    article, reReview ? new DateOnly(end.Year, 1, 1) : end.AddDays(1), reReview && end.Year == today.Year ? ApplicationKind.ReReview : null);
            case ReapplicationRule.ExpiryYearOnly when valid.ValidUntil is { } end:
                return end.Year == today.Year
                    ? new(true, $"称号有效期至{Format(end)}，在有效期满当年可再次申报{cite}。", article)
                    : new(false, $"该载体的称号有效期至{Format(end)}，有效期满当年方可再次申报{cite}，即{end.Year}年。", article, new DateOnly(end.Year, 1, 1));
            default:
                // The text says nothing about applying while valid: nothing is refused; the authority decides.
                return new(true, valid.ValidUntil is { } e
                    ? $"已认定，称号有效期至{Format(e)}；办法未规定有效期内能否再次申报，由认定机关决定。"
                    : $"已认定，称号不设固定有效期（{m.Validity.Note ?? "动态管理"}）；办法未规定能否再次申报，由认定机关决定。", m.Validity.Citation);
        }
    }

    private static string Format(DateOnly? d) => d is { } x ? $"{x.Year}年{x.Month}月{x.Day}日" : "";
}
