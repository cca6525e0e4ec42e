namespace Exemplar.Web.Features.Calls;

public static class CallLabels
{
    public static string Of(CallStatus s) => s switch
    {
        CallStatus.Draft => "草稿（未发布）",
        CallStatus.Published => "受理中",
        CallStatus.Closed => "已结束受理",
        _ => "",
    };

    /// <summary>A published call's state as of today: 未开始 / 受理中 / 已截止 (not yet closed by the authority).</summary>
    public static string Phase(Call c, DateOnly today) => c.Status switch
    {
        CallStatus.Published when today < c.OpensOn => "尚未开始受理",
        CallStatus.Published when today > c.ApplicationDeadline => "已截止",
        var s => Of(s),
    };
}
