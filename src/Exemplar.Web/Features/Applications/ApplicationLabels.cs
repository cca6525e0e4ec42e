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
        _ => "",
    };

    public static string CssOf(ApplicationStatus s) => s switch
    {
        ApplicationStatus.Submitted => "state-met",
        ApplicationStatus.Returned => "state-pending",
        ApplicationStatus.Withdrawn => "state-na",
        _ => "state-missing",
    };

    public static string Of(ApplicationKind k) => k == ApplicationKind.ReReview ? "复核" : "申报";
}
