using Exemplar.Web.Features.Applications;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews;

public sealed record ShortlistChoice(Guid ApplicationId, bool Included, string? Reason);

public sealed record FixShortlistCommand(Guid CallId, uint Version, IReadOnlyList<ShortlistChoice> Choices);

/// <summary>
/// 择优确定入围名单 (昆明办法第十一条): the designating authority includes or leaves out each reviewed application. Where
/// the choice departs from the ranking — an application left out while one ranked lower is in, or one included while
/// one ranked higher is out, or one with no scores included — a reason is required for it. Saved once, with optimistic
/// concurrency: of two officers fixing at once, one wins and the other is told.
/// </summary>
public sealed class FixShortlistHandler(ExemplarDbContext db, ReviewResults results, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(FixShortlistCommand c, CancellationToken ct)
    {
        var review = await db.Set<ExpertReview>().FirstOrDefaultAsync(r => r.CallId == c.CallId, ct);
        if (review is null) return SaveResult.NotFound;
        var p = new Problems();
        if (review.Stage == ReviewStage.ShortlistFixed) p.Add("", "入围名单已经确定，不能再修改。");
        else if (review.Stage != ReviewStage.Drawn) p.Add("", "尚未抽取评审专家。");
        if (p.Any) return p.Result();
        var apps = await results.ForAsync(review, ct);
        if (apps.Any(a => a.Panel.Any(x => x.Assignment.State is AssignmentState.Assigned or AssignmentState.Cleared)))
            p.Add("", "尚有专家未提交评分，暂不能确定入围名单。");
        var lines = new List<ShortlistLine>();
        foreach (var (app, i) in apps.Select((a, i) => (a, i)))
        {
            var choice = c.Choices.FirstOrDefault(x => x.ApplicationId == app.ApplicationId);
            if (choice is null) { p.Add("", "申报列表已变化，请刷新页面后再确定。"); break; }
            p.MaxLength($"Choices[{i}].Reason", choice.Reason, ReviewLimits.Reason, $"{app.Carrier}的理由");
            lines.Add(new ShortlistLine(app.ApplicationId, app.Rank, choice.Included, string.IsNullOrWhiteSpace(choice.Reason) ? null : choice.Reason.Trim()));
        }
        if (p.Any) return p.Result();
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
            if (DepartsFromRanking(line, lines) && line.Reason is null)
                p.Add($"Choices[{i}].Reason", $"{apps[i].Carrier}：{(line.Included ? "入围" : "未入围")}与评分排名不一致，请填写理由。");
        if (!lines.Any(l => l.Included)) p.Add("", "入围名单不能为空。");
        if (p.Any) return p.Result();
        db.Entry(review).Property(x => x.Version).OriginalValue = c.Version;
        review.ShortlistJson = ApplicationJson.Write(lines);
        review.ShortlistFixedAt = clock.GetUtcNow();
        review.ShortlistFixedByName = db.Actor.Name;
        review.Stage = ReviewStage.ShortlistFixed;
        db.Actor.Operation = "专家评审.确定入围名单";
        return await Problems.SaveAsync(db, review.Id, ct);
    }

    /// <summary>Out while a lower-ranked (or unranked) one is in; in while a higher-ranked one is out or without a rank.</summary>
    public static bool DepartsFromRanking(ShortlistLine line, IReadOnlyList<ShortlistLine> all)
    {
        static int R(ShortlistLine l) => l.Rank ?? int.MaxValue;
        return line.Included
            ? line.Rank is null || all.Any(o => !o.Included && R(o) < R(line))
            : all.Any(o => o.Included && R(o) > R(line));
    }
}
