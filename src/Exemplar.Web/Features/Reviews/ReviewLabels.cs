using Exemplar.Domain.Review;

namespace Exemplar.Web.Features.Reviews;

public static class ReviewLabels
{
    public static string Of(ReviewStage s) => s switch
    {
        ReviewStage.Preparing => "准备中",
        ReviewStage.Drawn => "专家评审中",
        ReviewStage.ShortlistFixed => "入围名单已确定",
        _ => "",
    };

    public static string Of(AssignmentState s) => s switch
    {
        AssignmentState.Reserve => "备选（未启用）",
        AssignmentState.Assigned => "待声明",
        AssignmentState.Cleared => "评分中",
        AssignmentState.Conflicted => "已回避",
        AssignmentState.Submitted => "已提交评分",
        _ => "",
    };

    public static string Of(RubricItemKind k) => k switch
    {
        RubricItemKind.Condition => "办法评审事项",
        RubricItemKind.Bonus => "鼓励加分项",
        RubricItemKind.Added => "认定机关增设",
        _ => "",
    };
}
