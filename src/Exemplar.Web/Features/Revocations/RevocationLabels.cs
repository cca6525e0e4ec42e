namespace Exemplar.Web.Features.Revocations;

public static class RevocationLabels
{
    public static string Stage(RevocationStage s) => s switch
    {
        RevocationStage.AwaitingStatement => "陈述申辩期",
        RevocationStage.StatementReceived => "已陈述申辩，待决定",
        RevocationStage.Revoked => "已撤销称号",
        RevocationStage.Dropped => "不予撤销",
        _ => "未知",
    };
}
