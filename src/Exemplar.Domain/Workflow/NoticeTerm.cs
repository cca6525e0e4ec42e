using Exemplar.Domain.Calendar;
using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Workflow;

/// <summary>
/// How long a programme's public notice (公示) runs, as its text says: a fixed number of working days (西藏基地第十三条
/// 15, 西藏平台四（三）7), a minimum the authority may exceed (昆明第十三条 不少于10), or nothing (聊城第十二条, 北京第十一条:
/// the authority sets the length and the page says the text is silent).
/// </summary>
public sealed record NoticeTerm(int? StatedWorkingDays, bool AuthorityMayExtend, string Citation, string? Quote)
{
    /// <summary>The longest notice the product accepts when the authority sets or extends the length.</summary>
    public const int MaxWorkingDays = 60;

    public static NoticeTerm Of(PolicyVersion policy) => Of(policy.Procedure.PublicNotice);

    public static NoticeTerm Of(PublicNoticeRule rule) => new(rule.WorkingDays, rule.AuthorityMayExtend, rule.Citation, rule.Quote);

    /// <summary>The text does not say how long the notice runs.</summary>
    public bool IsSilent => StatedWorkingDays is null;

    /// <summary>The authority chooses the length (silent text, or 不少于 N).</summary>
    public bool AuthorityChooses => IsSilent || AuthorityMayExtend;

    /// <summary>The length the form proposes: the stated days, or none where the text is silent.</summary>
    public int? Default => StatedWorkingDays;

    /// <summary>What the text says, in words for the page.</summary>
    public string Describe() => StatedWorkingDays switch
    {
        null => $"政策文本（{Citation}）未规定公示期长度，由认定机关确定。",
        { } n when AuthorityMayExtend => $"公示期不少于{n}个工作日（{Citation}），认定机关可以确定更长的公示期，但不能更短。",
        { } n => $"公示期为{n}个工作日（{Citation}）。",
    };

    /// <summary>Null if <paramref name="workingDays"/> is a length the text allows; otherwise why not, in Chinese.</summary>
    public string? Check(int? workingDays)
    {
        if (workingDays is not { } d) return "请填写公示期（工作日数）。";
        if (d < 1 || d > MaxWorkingDays) return $"公示期应为1至{MaxWorkingDays}个工作日。";
        return StatedWorkingDays switch
        {
            { } n when AuthorityMayExtend && d < n => $"公示期不能少于{n}个工作日（{Citation}）。",
            { } n when !AuthorityMayExtend && d != n => $"公示期应为{n}个工作日（{Citation}），不能更改。",
            _ => null,
        };
    }

    /// <summary>The period of a notice published on <paramref name="publishedOn"/> for <paramref name="workingDays"/> working days.</summary>
    public static PublicNoticePeriod Period(HolidayCalendar calendar, DateOnly publishedOn, int workingDays) =>
        calendar.PublicNotice(publishedOn, workingDays);

    /// <summary>
    /// The years whose holiday notice would decide the period but is not entered (the reason a period is provisional):
    /// every year from the publication to the end, and the next year where the end falls in late December.
    /// </summary>
    public static IReadOnlyList<int> MissingYears(HolidayCalendar calendar, PublicNoticePeriod period)
    {
        var years = new List<int>();
        for (var y = period.PublishedOn.Year; y <= period.End.Year; y++)
            if (!calendar.Covers(y)) years.Add(y);
        if (period.End is { Month: 12, Day: >= HolidayCalendar.LateDecemberFrom } && !calendar.Covers(period.End.Year + 1))
            years.Add(period.End.Year + 1);
        return years;
    }
}
