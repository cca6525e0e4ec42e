using Exemplar.Domain.Workflow;

namespace Exemplar.Web.Features.Applications;

public static class ApplicationLabels
{
    public static string Of(ApplicationStatus s) => s switch
    {
        ApplicationStatus.Draft => "草稿",
        ApplicationStatus.Submitted => "已提交",
        ApplicationStatus.Returned => "退回补正中",
        ApplicationStatus.Withdrawn => "已撤回",
        ApplicationStatus.Recommended => "已推荐",
        ApplicationStatus.NotRecommended => "未予推荐",
        _ => "",
    };

    public static string CssOf(ApplicationStatus s) => s switch
    {
        ApplicationStatus.Submitted or ApplicationStatus.Recommended => "state-met",
        ApplicationStatus.NotRecommended => "state-missing",
        ApplicationStatus.Returned => "state-pending",
        ApplicationStatus.Withdrawn => "state-na",
        _ => "state-missing",
    };

    public static string Of(ApplicationKind k) => k == ApplicationKind.ReReview ? "复核" : "申报";
}
