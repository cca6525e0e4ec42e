using Exemplar.Domain.Calendar;

namespace Exemplar.Web.Features.Statistics;

public static class StatisticsLabels
{
    public static string Of(ObligationKind k) => k switch
    {
        ObligationKind.PublicNoticeEnd => "公示期结束",
        ObligationKind.AnnualSummary => "示范基地年度工作总结",
        ObligationKind.AnnualReport => "主管部门年度报告",
        ObligationKind.ChangeFiling => "重大变更事项备案",
        ObligationKind.ReReview => "期满复核申请",
        ObligationKind.ValidityExpiry => "有效期届满",
        ObligationKind.PolicyExpiry => "管理办法到期",
        _ => k.ToString(),
    };

    public static string Of(ObligationParty p) => p switch
    {
        ObligationParty.Base => "示范基地",
        ObligationParty.LocalAuthority => "地方主管部门",
        ObligationParty.DesignatingAuthority => "认定机关",
        _ => p.ToString(),
    };
}
