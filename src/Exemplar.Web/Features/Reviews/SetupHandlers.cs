using Exemplar.Domain.Review;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews;

public sealed record SaveReviewSettingsCommand(Guid CallId, uint? Version, int? PanelSize, int? ReserveCount, bool ExcludeSameCounty, DateOnly? ScoringDeadline);

/// <summary>
/// Sets up a call's expert review (the first save creates it, with the rubric built from the call's pinned policy) and
/// changes its settings until the panels are drawn.
/// </summary>
public sealed class SaveReviewSettingsHandler(ExemplarDbContext db, PolicySnapshots snapshots, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(SaveReviewSettingsCommand c, CancellationToken ct)
    {
        var call = await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == c.CallId, ct);
        if (call is null) return SaveResult.NotFound;
        var review = await db.Set<ExpertReview>().FirstOrDefaultAsync(x => x.CallId == c.CallId, ct);
        var p = new Problems();
        var today = ChinaTime.Today(clock);
        if (review is { Stage: not ReviewStage.Preparing }) p.Add("", "专家已抽取，评审设置不能再修改。");
        if (c.PanelSize is not { } panel) p.Add("PanelSize", "请填写每件申报的评审专家人数。");
        else if (panel is < 1 or > PanelDraw.MaxPanelSize) p.Add("PanelSize", $"评审专家人数应为1至{PanelDraw.MaxPanelSize}人。");
        if (c.ReserveCount is not { } reserves) p.Add("ReserveCount", "请填写备选专家人数。");
        else if (reserves is < 0 or > PanelDraw.MaxReserves) p.Add("ReserveCount", $"备选专家人数应为0至{PanelDraw.MaxReserves}人。");
        if (c.ScoringDeadline is not { } deadline) p.Add("ScoringDeadline", "请填写评分截止日期。");
        else if (deadline < today) p.Add("ScoringDeadline", "评分截止日期不能早于今天。");
        else if (deadline > today.AddYears(1)) p.Add("ScoringDeadline", "评分截止日期不能晚于一年以后。");
        if (p.Any) return p.Result();
        if (review is null)
        {
            var policy = await snapshots.LoadAsync(call.PolicyHash, ct) ?? throw new InvalidOperationException($"政策版本 {call.PolicyHash} 未保存。");
            review = new ExpertReview { CallId = call.Id, CreatedAt = clock.GetUtcNow(), Rubric = RubricSource.From(policy) };
            db.Add(review);
        }
        else if (c.Version is { } v) db.Entry(review).Property(x => x.Version).OriginalValue = v;
        review.PanelSize = c.PanelSize!.Value;
        review.ReserveCount = c.ReserveCount!.Value;
        review.ExcludeSameCounty = c.ExcludeSameCounty;
        review.ScoringDeadline = c.ScoringDeadline!.Value;
        db.Actor.Operation = "专家评审.设置";
        return await Problems.SaveAsync(db, review.Id, ct);
    }
}

public sealed record RubricLine(Guid ItemId, decimal? MaxScore, decimal? Weight);

public sealed record SaveRubricCommand(Guid CallId, uint Version, IReadOnlyList<RubricLine> Lines, string? NewLabel, decimal? NewMaxScore, decimal? NewWeight, Guid? RemoveItemId);

/// <summary>
/// Changes the rubric before the draw: each item's full score and weight, an item the authority adds (label, full score,
/// weight), or the removal of an added item. Items from the policy stay (their weight can be changed, never to 0).
/// </summary>
public sealed class SaveRubricHandler(ExemplarDbContext db)
{
    public async Task<SaveResult> HandleAsync(SaveRubricCommand c, CancellationToken ct)
    {
        var review = await db.Set<ExpertReview>().Include(r => r.Rubric).FirstOrDefaultAsync(r => r.CallId == c.CallId, ct);
        if (review is null) return SaveResult.NotFound;
        var p = new Problems();
        if (review.Stage != ReviewStage.Preparing) p.Add("", "专家已抽取，评分细则已冻结，不能再修改。");
        foreach (var (line, i) in c.Lines.Select((l, i) => (l, i)))
        {
            var item = review.Rubric.FirstOrDefault(x => x.Id == line.ItemId);
            if (item is null) { p.Add("", "评分细则已变化，请刷新页面后再修改。"); break; }
            if (line.MaxScore is not { } max) { p.Add($"Lines[{i}].MaxScore", $"“{item.Label}”：请填写满分。"); continue; }
            var weight = item.Kind == RubricItemKind.Bonus ? 0 : line.Weight;
            if (weight is null) { p.Add($"Lines[{i}].Weight", $"“{item.Label}”：请填写权重。"); continue; }
            foreach (var m in RubricScoring.CheckItem(item.Label, item.Kind, max, weight.Value)) p.Add($"Lines[{i}].MaxScore", m);
            if (decimal.Round(max, 1) != max || decimal.Round(weight.Value, 1) != weight.Value) p.Add($"Lines[{i}].MaxScore", $"“{item.Label}”：满分和权重最多保留一位小数。");
            item.MaxScore = max;
            item.Weight = weight.Value;
        }
        var adding = !string.IsNullOrWhiteSpace(c.NewLabel) || c.NewMaxScore is not null || c.NewWeight is not null;
        if (adding)
        {
            p.Required("NewLabel", c.NewLabel, "新增评分项的名称");
            p.MaxLength("NewLabel", c.NewLabel, ReviewLimits.ItemLabel, "新增评分项的名称");
            if (c.NewMaxScore is null) p.Add("NewMaxScore", "请填写新增评分项的满分。");
            if (c.NewWeight is null) p.Add("NewWeight", "请填写新增评分项的权重。");
            if (c.NewMaxScore is { } nm && c.NewWeight is { } nw)
            {
                foreach (var m in RubricScoring.CheckItem(c.NewLabel?.Trim() ?? "新增评分项", RubricItemKind.Added, nm, nw)) p.Add("NewMaxScore", m);
                if (decimal.Round(nm, 1) != nm || decimal.Round(nw, 1) != nw) p.Add("NewMaxScore", "满分和权重最多保留一位小数。");
            }
            if (review.Rubric.Count(x => x.Kind == RubricItemKind.Added) >= ReviewLimits.MaxAddedItems) p.Add("NewLabel", $"新增评分项最多{ReviewLimits.MaxAddedItems}项。");
            if (review.Rubric.Any(x => x.Label == c.NewLabel?.Trim())) p.Add("NewLabel", "已有同名评分项。");
        }
        if (c.RemoveItemId is { } remove && review.Rubric.FirstOrDefault(x => x.Id == remove) is { } removed)
        {
            if (removed.Kind != RubricItemKind.Added) p.Add("", "办法规定的评审事项不能删除，可调整其权重。");
            else review.Rubric.Remove(removed);
        }
        if (p.Any) return p.Result();
        if (adding)
        {
            var n = review.Rubric.Where(x => x.Kind == RubricItemKind.Added).Select(x => int.TryParse(x.Key.Replace("add-", ""), out var k) ? k : 0).DefaultIfEmpty(0).Max() + 1;
            review.Rubric.Add(new ReviewRubricItem
            {
                ReviewId = review.Id, Order = review.Rubric.Select(x => x.Order).DefaultIfEmpty(0).Max() + 1, Key = $"add-{n}", Label = c.NewLabel!.Trim(),
                Kind = RubricItemKind.Added, MaxScore = c.NewMaxScore!.Value, Weight = c.NewWeight!.Value,
            });
        }
        db.Entry(review).Property(x => x.Version).OriginalValue = c.Version;
        // The rubric is part of the review: touching the review row makes two officers' edits collide instead of mixing.
        db.Entry(review).Property(x => x.PanelSize).IsModified = true;
        db.Actor.Operation = "专家评审.评分细则";
        return await Problems.SaveAsync(db, review.Id, ct);
    }
}
