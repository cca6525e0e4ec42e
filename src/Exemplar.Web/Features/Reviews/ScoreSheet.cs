using Exemplar.Domain.Review;
using Exemplar.Web.Features.Documents.Building;
using Exemplar.Web.Infrastructure;

namespace Exemplar.Web.Features.Reviews;

/// <summary>评分汇总表: the results page as a spreadsheet the authority files with the review record.</summary>
public static class ScoreSheet
{
    public static XlsxList Of(string callTitle, ExpertReview review, IReadOnlyList<ReviewedApplication> apps, IReadOnlyList<ShortlistLine> shortlist)
    {
        var lines = shortlist.ToDictionary(l => l.ApplicationId);
        var rows = apps.Select(a =>
        {
            var g = a.Aggregate;
            var scores = a.Panel.Where(p => p.Assignment.State is not (AssignmentState.Reserve or AssignmentState.Conflicted)).Select(p =>
            {
                var note = g.Scores.FirstOrDefault(s => s.ExpertId == p.Expert.Id);
                var text = p.Assignment.Total is { } t ? $"{p.Expert.Name} {t:0.00}分" : $"{p.Expert.Name} {ReviewLabels.Of(p.Assignment.State)}";
                return note is { IsOutlier: true } ? $"{text}（偏离：{note.Explanation}）" : text;
            });
            var line = lines.GetValueOrDefault(a.ApplicationId);
            var result = line is null ? "尚未确定" : line.ExcludedByInspection is { } why ? $"现场核查未通过：{why}" : line.Included ? "入围" : "未入围";
            return (IReadOnlyList<object?>)[a.Rank, a.Receipt, a.Carrier, g.Count, g.Mean, g.Trimmed ? g.TrimmedMean : null, g.StandardDeviation,
                string.Join("；", scores), result, line?.Reason];
        }).ToList();
        var date = review.ShortlistFixedAt is { } at ? ChinaTime.DateOf(at) : new DateOnly(2000, 1, 1);
        return new XlsxList("评分汇总",
            [new("排名", ListCellKind.Integer), new("受理编号"), new("基地（平台）") { MaxWidth = 36 }, new("评分数", ListCellKind.Integer), new("平均分", ListCellKind.Decimal),
             new("截尾平均", ListCellKind.Decimal), new("标准差", ListCellKind.Decimal), new("各专家评分") { MaxWidth = 60 }, new("入围结果") { MaxWidth = 36 }, new("与排名不一致的理由") { MaxWidth = 40 }],
            rows)
        {
            Title = $"{callTitle} 专家评审评分汇总表",
            Preamble = [$"每件申报应有{review.PanelSize}名专家评分；有{ScoreAggregate.TrimFrom}个及以上评分时去掉一个最高分和一个最低分后取平均（截尾平均），否则取平均分；标准差为样本标准差。"],
            Footer = review.ShortlistFixedAt is { } fixedAt ? [$"入围名单于{ChinaTime.Format(fixedAt)}由{review.ShortlistFixedByName}确定。"] : ["入围名单尚未确定。"],
            Info = new DocInfo("专家评审评分汇总表", date),
        };
    }
}
