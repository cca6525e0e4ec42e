namespace Exemplar.Domain.Workflow;

/// <summary>
/// The dates of a call (申报批次): applications are accepted from <see cref="OpensOn"/> through the whole of
/// <see cref="ApplicationDeadline"/> (Asia/Shanghai), local authorities recommend through
/// <see cref="RecommendationDeadline"/>, and eligibility is judged as of <see cref="ReferenceDate"/>.
/// </summary>
public sealed record CallSchedule(DateOnly OpensOn, DateOnly ApplicationDeadline, DateOnly RecommendationDeadline, DateOnly ReferenceDate)
{
    /// <summary>Field → Chinese message for dates that cannot stand together. <paramref name="year"/> is the call's year.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems(int year)
    {
        var problems = new List<(string, string)>();
        if (OpensOn.Year < year - 1 || OpensOn.Year > year + 1)
            problems.Add(("OpensOn", $"开始受理日期应在{year - 1}年至{year + 1}年之间。"));
        if (ApplicationDeadline < OpensOn)
            problems.Add(("ApplicationDeadline", "申报截止日期不能早于开始受理日期。"));
        if (ApplicationDeadline > OpensOn.AddYears(1))
            problems.Add(("ApplicationDeadline", "申报期不能超过一年。"));
        if (RecommendationDeadline < ApplicationDeadline)
            problems.Add(("RecommendationDeadline", "推荐截止日期不能早于申报截止日期。"));
        if (RecommendationDeadline > ApplicationDeadline.AddMonths(6))
            problems.Add(("RecommendationDeadline", "推荐截止日期不能晚于申报截止日期后六个月。"));
        if (ReferenceDate < OpensOn.AddYears(-1) || ReferenceDate > RecommendationDeadline)
            problems.Add(("ReferenceDate", "条件核定基准日应在开始受理前一年至推荐截止日期之间。"));
        return problems;
    }

    /// <summary>Open on <paramref name="today"/> (a calendar date in Asia/Shanghai): the deadline day counts in full.</summary>
    public bool AcceptsApplicationsOn(DateOnly today) => today >= OpensOn && today <= ApplicationDeadline;

    public bool AcceptsRecommendationsOn(DateOnly today) => today <= RecommendationDeadline;

    /// <summary>The profile year: the last full calendar year before the reference date.</summary>
    public int ProfileYear => ReferenceDate.Year - 1;
}
