using Exemplar.Domain.Calendar;
using Exemplar.Web.Infrastructure;

namespace Exemplar.Web.Features.Notices;

public static class NoticeLabels
{
    /// <summary>2026年11月23日（星期一）.</summary>
    public static string Day(DateOnly d) => $"{ChinaTime.Format(d)}（{ChineseWeekday.Of(d)}）";

    public static string Of(NoticeStatus s, PublicNotice n, DateOnly today) => s switch
    {
        NoticeStatus.Published when today < n.StartsOn => "即将开始",
        NoticeStatus.Published when today <= n.EndsOn => "公示中",
        NoticeStatus.Published => "公示期满，待作出认定决定",
        NoticeStatus.Decided => "已作出认定决定，待公告",
        _ => "已公告",
    };

    public static string Of(ObjectionStatus s) => s switch
    {
        ObjectionStatus.Received => "已收到，待登记",
        ObjectionStatus.Investigating => "调查核实中",
        _ => "已办结",
    };

    public static string Of(ObjectionConclusion? c) => c switch
    {
        ObjectionConclusion.Upheld => "异议成立",
        ObjectionConclusion.NotUpheld => "异议不成立",
        _ => "—",
    };

    /// <summary>The programme as a title names it: 昆明市小型微型企业创业创新示范基地 from its 认定管理办法（修订）.</summary>
    public static string ProgrammeName(string policyTitle)
    {
        var m = System.Text.RegularExpressions.Regex.Match(policyTitle, "^.*?示范(基地|平台)");
        return m.Success ? m.Value : policyTitle;
    }

    public static string Of(FilerKind k) => k == FilerKind.Person ? "个人（真实姓名）" : "单位";
}
