using Exemplar.Domain.Calendar;
using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Designations;

/// <summary>Where a designation stands on a given day (有效 / 已期满 / 已撤销).</summary>
public enum DesignationStatus
{
    Valid = 1,
    Expired = 2,
    Revoked = 3,
    /// <summary>复核中: the end date has passed while a re-review applied for in the expiry year is undecided; the title stands.</summary>
    UnderReReview = 4,
}

/// <summary>
/// The status of a designation on a calendar day of Asia/Shanghai. <c>validUntil</c> is the last valid day (届满 includes
/// the day): the title is expired from 00:00 the next day, by itself — nothing has to run for it. A revocation takes
/// effect on its date. No end date (北京: 动态管理) means valid until revoked. A re-review applied for in the expiry year
/// (聊城第十六条) and still undecided after the end date keeps the title standing as 复核中 until the decision.
/// </summary>
public static class DesignationStatuses
{
    public static DesignationStatus On(DateOnly today, DateOnly? validUntil, DateOnly? revokedOn, bool reReviewPending = false)
    {
        if (revokedOn is { } r && today >= r) return DesignationStatus.Revoked;
        if (validUntil is { } end && today > end) return reReviewPending ? DesignationStatus.UnderReReview : DesignationStatus.Expired;
        return DesignationStatus.Valid;
    }

    /// <summary>True where the title stands that day: valid, or 复核中.</summary>
    public static bool Stands(DesignationStatus status) => status is DesignationStatus.Valid or DesignationStatus.UnderReReview;

    public static string Label(DesignationStatus status) => status switch
    {
        DesignationStatus.Valid => "有效",
        DesignationStatus.Expired => "已期满",
        DesignationStatus.Revoked => "已撤销",
        DesignationStatus.UnderReReview => "复核中",
        _ => "未知",
    };

    /// <summary>The URL/query key of a status (valid, expired, revoked, rereview).</summary>
    public static string Key(DesignationStatus status) => status == DesignationStatus.UnderReReview ? "rereview" : status.ToString().ToLowerInvariant();

    public static DesignationStatus? Parse(string? key) => key switch
    {
        "valid" => DesignationStatus.Valid,
        "expired" => DesignationStatus.Expired,
        "revoked" => DesignationStatus.Revoked,
        "rereview" => DesignationStatus.UnderReReview,
        _ => null,
    };
}

/// <summary>
/// The validity a programme's text gives a designation announced on a day: its last valid day counted by the policy's
/// date-rounding rule (民法典第二百零一条、第二百零二条: 2024-02-29 + 3 years → 2027-02-28), or none where the text states
/// no period (北京: 动态管理) — then <see cref="Note"/> says so, and nothing is invented.
/// </summary>
public sealed record DesignationTerm(DateOnly ValidFrom, DateOnly? ValidUntil, string? Citation, string? Note)
{
    public static DesignationTerm For(PolicyVersion policy, DateOnly announcedOn)
    {
        var v = policy.Management.Validity;
        if (v.Years is not { } years)
            return new(announcedOn, null, v.Citation, v.Note ?? "文本未规定有效期。");
        var last = policy.DateRounding == DateRoundingRule.LastDayOfMonth
            ? new ValidityPeriod(announcedOn, years).LastDay
            : DateArithmetic.AddYears(announcedOn, years, policy.DateRounding);
        return new(announcedOn, last, v.Citation, null);
    }

    /// <summary>How a page states the validity: the two dates, or the text's own words when it sets no period.</summary>
    public static string Describe(DateOnly validFrom, DateOnly? validUntil, Func<DateOnly, string> format) =>
        validUntil is { } end ? $"{format(validFrom)}至{format(end)}" : $"自{format(validFrom)}起，不设固定有效期（动态管理）";
}
