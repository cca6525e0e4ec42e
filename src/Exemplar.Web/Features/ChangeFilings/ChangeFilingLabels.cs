using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.ChangeFilings;

public static class ChangeFilingLabels
{
    public static string Stage(ChangeFiling f) => f.Stage switch
    {
        ChangeFilingStage.AtLocalAuthority => "待所属辖区主管部门转报",
        ChangeFilingStage.WithAuthority => "待认定机关办理",
        ChangeFilingStage.Accepted => f.DecisionNumber is null ? "已备案" : "已作出变更决定",
        ChangeFilingStage.Returned => "已退回",
        ChangeFilingStage.RevocationStarted => "已转入撤销程序",
        _ => "未知",
    };

    /// <summary>The text's rule in one sentence: which changes, counted from what, how many working days, to whom.</summary>
    public static string Rule(ChangeFilingRule r) =>
        $"{string.Join("、", r.MajorChanges)}{(r.OpenEnded ? "等" : "")}重大变更事项，应在{r.EventWording}后{r.WorkingDays}个工作日内" +
        (r.Via is { } via ? $"通过{via.Label}" : "") + $"报{string.Join("、", r.FileTo.Select(t => t.Label))}备案（{r.Citation}）" +
        (r.Outcome is { } o ? $"；{o.DecidedBy}视情况作出变更或撤销的处理决定{(o.Published ? "并向社会公示" : "")}（{o.Citation}）" : "") + "。";
}
