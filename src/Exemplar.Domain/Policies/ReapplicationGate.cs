namespace Exemplar.Domain.Policies;

/// <summary>A carrier's earlier designation under the same programme (and its revocation, if any).</summary>
public sealed record PastDesignation(DateOnly AnnouncedOn, DateOnly? RevokedOn = null, string? RevocationGround = null);

public enum ApplicationPurpose
{
    /// <summary>申报 (first or renewed application).</summary>
    Application,
    /// <summary>复核 in the expiry year (聊城第十六条).</summary>
    ReReview,
}

public sealed record ReapplicationDecision(bool MayApply, ApplicationPurpose Purpose, string Reason, string? Citation, DateOnly? EarliestDate = null);

/// <summary>
/// May a carrier apply to a programme on a date, given its designations under that programme? Reads only the
/// policy file: bans after revocation on the grounds a ban names (北京第十五条 only: two years, counted as Civil Code
/// 第二百零一条 counts), no repeat while valid with 复核 in the expiry year (聊城第十六条), and re-application only in
/// the expiry year (昆明第十五条).
/// </summary>
public static class ReapplicationGate
{
    public static ReapplicationDecision Decide(PolicyVersion policy, IEnumerable<PastDesignation> history, DateOnly date)
    {
        var m = policy.Management;
        var list = history.OrderBy(d => d.AnnouncedOn).ToList();
        foreach (var revoked in list.Where(d => d.RevokedOn is not null && d.RevocationGround is not null))
        {
            if (m.BanAfter(revoked.RevocationGround!) is not { } ban)
            {
                continue;
            }

            var last = DateArithmetic.AddYears(revoked.RevokedOn!.Value, ban.Years, policy.DateRounding);
            if (date <= last)
            {
                var ground = m.Ground(revoked.RevocationGround!);
                return new(false, ApplicationPurpose.Application,
                    $"因“{ground?.Text}”（{ground?.Citation}）于{Format(revoked.RevokedOn.Value)}被撤销称号，{ban.Years}年内不得再次申请，{Format(last.AddDays(1))}起可再次申请。",
                    ban.Citation, last.AddDays(1));
            }
        }

        var current = list.LastOrDefault(d => d.RevokedOn is null || d.RevokedOn > date);
        if (current is null || current.AnnouncedOn > date)
        {
            return new(true, ApplicationPurpose.Application, "没有有效的认定，可以申报。", null);
        }

        if (m.Validity.Years is not { } years)
        {
            return new(true, ApplicationPurpose.Application,
                $"已认定为示范载体，文本未规定有效期（{m.Validity.Note}），也未规定能否再次申报，由认定机关在申报通知中确定。", m.Validity.Citation);
        }

        var lastValid = DateArithmetic.AddYears(current.AnnouncedOn, years, policy.DateRounding);
        if (date > lastValid)
        {
            return new(true, ApplicationPurpose.Application, $"上一次认定已于{Format(lastValid)}期满，可以重新申报。", m.Validity.Citation);
        }

        var expiryYear = lastValid.Year;
        var reapply = m.Reapplication;
        if (reapply.WhileValid == ReapplicationRule.Forbidden)
        {
            if (m.ReReview is { InExpiryYear: true } reReview && date.Year == expiryYear)
            {
                return new(true, ApplicationPurpose.ReReview, $"有效期至{Format(lastValid)}，期满当年须按照申报条件和程序申请复核。", reReview.Citation);
            }

            return new(false, ApplicationPurpose.Application,
                $"认定有效期至{Format(lastValid)}，有效期内不得重复申报" + (m.ReReview is { InExpiryYear: true } ? $"；{expiryYear}年（期满当年）须申请复核。" : "。"),
                reapply.Citation, new DateOnly(expiryYear, 1, 1));
        }

        if (reapply.WhileValid == ReapplicationRule.ExpiryYearOnly)
        {
            return date.Year == expiryYear
                ? new(true, ApplicationPurpose.Application, $"有效期至{Format(lastValid)}，在有效期满当年可再次申报。", reapply.Citation)
                : new(false, ApplicationPurpose.Application, $"认定有效期至{Format(lastValid)}，在有效期满当年（{expiryYear}年）方可再次申报。",
                    reapply.Citation, new DateOnly(expiryYear, 1, 1));
        }

        return new(true, ApplicationPurpose.Application, $"认定有效期至{Format(lastValid)}；文本未规定有效期内能否再次申报。", m.Validity.Citation);
    }

    private static string Format(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
