using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Surveys;

/// <summary>State of an enterprise's survey link for one round: 未发送 / 已发送 / 已答复 / 已过期.</summary>
public enum SurveyLinkStatus { NotSent = 0, Sent = 1, Answered = 2, Expired = 3 }

public static class SurveyLinkStatuses
{
    public static string Label(SurveyLinkStatus s) => s switch
    {
        SurveyLinkStatus.NotSent => "未发送",
        SurveyLinkStatus.Sent => "已发送",
        SurveyLinkStatus.Answered => "已答复",
        SurveyLinkStatus.Expired => "已过期",
        _ => "",
    };

    /// <summary>The last calendar day (Asia/Shanghai) on which the link works: links expire at the following midnight.</summary>
    public static DateOnly LastDay(SurveyInvitation i) =>
        Infrastructure.ChinaTime.DateOf(i.ExpiresAt).AddDays(-1);

    /// <summary>The status from the enterprise's live (not revoked) invitation of the round, if any.</summary>
    public static SurveyLinkStatus Of(SurveyInvitation? live, DateTimeOffset now) =>
        live is null ? SurveyLinkStatus.NotSent
        : live.AnsweredAt is not null ? SurveyLinkStatus.Answered
        : live.ExpiresAt <= now ? SurveyLinkStatus.Expired
        : SurveyLinkStatus.Sent;

    /// <summary>Why a link cannot be answered (null when it can). Each reason is shown to the respondent in Chinese.</summary>
    public static LinkRefusal? Refusal(SurveyInvitation? invitation, DateTimeOffset now) =>
        invitation is null ? LinkRefusal.Unknown
        : invitation.AnsweredAt is not null ? LinkRefusal.Used
        : invitation.RevokedAt is not null ? LinkRefusal.Revoked
        : invitation.ExpiresAt <= now ? LinkRefusal.Expired
        : null;
}

public enum LinkRefusal { Unknown = 1, Expired = 2, Revoked = 3, Used = 4 }

public static class LinkRefusals
{
    public static string Title(LinkRefusal r) => r switch
    {
        LinkRefusal.Unknown => "问卷链接无效",
        LinkRefusal.Expired => "问卷链接已过期",
        LinkRefusal.Revoked => "问卷链接已作废",
        LinkRefusal.Used => "问卷已提交",
        _ => "问卷链接无效",
    };

    public static string Message(LinkRefusal r) => r switch
    {
        LinkRefusal.Unknown => "该链接不存在或不完整。请核对链接是否完整复制，或联系基地运营单位重新发送。",
        LinkRefusal.Expired => "该问卷链接已超过有效期，不能再提交。如仍需评价，请联系基地运营单位重新发送链接。",
        LinkRefusal.Revoked => "基地运营单位已重新发送链接，此旧链接已作废。请使用最新收到的链接。",
        LinkRefusal.Used => "该链接的问卷已经提交过，每个链接只能提交一次。感谢您的评价。",
        _ => "",
    };

    /// <summary>404 for a link that never existed; 410 Gone for one that existed but can no longer be used.</summary>
    public static int StatusCode(LinkRefusal r) => r == LinkRefusal.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
}
