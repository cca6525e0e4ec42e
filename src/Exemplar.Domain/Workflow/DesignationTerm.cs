using Exemplar.Domain.Calendar;
using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Workflow;

/// <summary>
/// The validity of a designation announced on a date, from the policy's <c>management.validity</c>: N years with the
/// policy's date-rounding rule (the last day is the corresponding day N years later, or the month's last day where
/// it does not exist — 2024-02-29 + 3 years → 2027-02-28), or none where the text states no period (北京第十三条:
/// 动态管理, annual evaluation instead).
/// </summary>
public sealed record DesignationTerm(int? Years, DateRoundingRule Rounding, string? Citation, string? Note)
{
    public static DesignationTerm Of(PolicyVersion policy) =>
        new(policy.Management.Validity.Years, policy.DateRounding, policy.Management.Validity.Citation, policy.Management.Validity.Note);

    /// <summary>The last valid day, or null where the text states no validity.</summary>
    public DateOnly? LastDay(DateOnly announcedOn) => Years switch
    {
        null => null,
        { } n when Rounding == DateRoundingRule.LastDayOfMonth => new ValidityPeriod(announcedOn, n).LastDay,
        { } n => DateArithmetic.AddYears(announcedOn, n, Rounding),
    };

    /// <summary>What the page says about the validity.</summary>
    public string Describe() => Years is { } n
        ? $"有效期{n}年（{Citation}），自公告之日起算，期满日为有效期的最后一天。"
        : $"{Note ?? "政策文本未规定有效期"}（{Citation}），认定记录不设截止日期。";
}
