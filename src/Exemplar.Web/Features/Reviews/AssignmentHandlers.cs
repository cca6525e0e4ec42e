using Exemplar.Domain.Review;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews;

/// <summary>An expert's assignment with its review, call and expert record, loaded for its expert only.</summary>
public sealed record AssignmentFile(ReviewAssignment Assignment, ExpertReview Review, Call Call, Expert Expert);

public sealed class AssignmentLoader(ExemplarDbContext db)
{
    /// <summary>The assignment if it belongs to the expert record linked to <paramref name="userId"/>; null otherwise (404).</summary>
    public async Task<AssignmentFile?> LoadAsync(Guid assignmentId, Guid? userId, bool tracked, CancellationToken ct)
    {
        if (userId is null) return null;
        IQueryable<T> Q<T>() where T : class => tracked ? db.Set<T>() : db.Set<T>().AsNoTracking();
        var expert = await db.Set<Expert>().AsNoTracking().FirstOrDefaultAsync(e => e.UserId == userId, ct);
        if (expert is null) return null;
        var a = await Q<ReviewAssignment>().FirstOrDefaultAsync(x => x.Id == assignmentId && x.ExpertId == expert.Id, ct);
        if (a is null) return null;
        var review = await Q<ExpertReview>().Include(r => r.Rubric).SingleAsync(r => r.Id == a.ReviewId, ct);
        review.Rubric.Sort((x, y) => x.Order.CompareTo(y.Order));
        var call = await db.Set<Call>().AsNoTracking().SingleAsync(c => c.Id == review.CallId, ct);
        return new AssignmentFile(a, review, call, expert);
    }
}

public sealed record DeclareCommand(Guid AssignmentId, Guid? UserId, uint Version, bool? HasConflict, string? Reason);

/// <summary>
/// 利益冲突声明, before any content is shown. No conflict: the expert may read and score. A conflict: the assignment is
/// removed (kept, marked 已回避 with the reason) and the next reserve of that application is called in and told.
/// </summary>
public sealed class DeclareHandler(ExemplarDbContext db, AssignmentLoader loader, Messenger messenger, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(DeclareCommand c, CancellationToken ct)
    {
        var file = await loader.LoadAsync(c.AssignmentId, c.UserId, tracked: true, ct);
        if (file is null) return SaveResult.NotFound;
        var a = file.Assignment;
        var p = new Problems();
        if (a.State != AssignmentState.Assigned) p.Add("", a.State == AssignmentState.Reserve ? "您是备选专家，尚未被启用，无需声明。" : "您已经声明过，声明不能更改。");
        if (c.HasConflict is null) p.Add("HasConflict", "请选择是否存在利益冲突。");
        if (c.HasConflict == true) p.Required("Reason", c.Reason, "利益冲突的情况");
        p.MaxLength("Reason", c.Reason, ReviewLimits.Reason, "利益冲突的情况");
        if (p.Any) return p.Result();
        var now = clock.GetUtcNow();
        db.Entry(a).Property(x => x.Version).OriginalValue = c.Version;
        a.DeclaredAt = now;
        if (c.HasConflict == true)
        {
            a.State = AssignmentState.Conflicted;
            a.ConflictReason = c.Reason!.Trim();
            var next = await db.Set<ReviewAssignment>()
                .Where(x => x.ReviewId == a.ReviewId && x.ApplicationId == a.ApplicationId && x.State == AssignmentState.Reserve)
                .OrderBy(x => x.Position).FirstOrDefaultAsync(ct);
            if (next is not null)
            {
                next.State = AssignmentState.Assigned;
                next.CalledInAt = now;
                var user = await db.Set<Expert>().Where(e => e.Id == next.ExpertId).Select(e => e.UserId).SingleAsync(ct);
                if (user is { } u) DrawPanelsHandler.Tell(messenger, next, u, file.Call, file.Review);
            }
            db.Actor.Operation = "专家评审.声明回避";
        }
        else
        {
            a.State = AssignmentState.Cleared;
            db.Actor.Operation = "专家评审.声明无利益冲突";
        }
        return await Problems.SaveAsync(db, a.Id, ct);
    }
}

public sealed record SubmitScoresCommand(Guid AssignmentId, Guid? UserId, uint Version, IReadOnlyDictionary<string, decimal?> Scores, IReadOnlyCollection<string> NotApplicable, string? Opinion);

/// <summary>Submits an expert's marks (a score or 不适用 per item) and opinion, once; the total follows <see cref="RubricScoring"/>.</summary>
public sealed class SubmitScoresHandler(ExemplarDbContext db, AssignmentLoader loader, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(SubmitScoresCommand c, CancellationToken ct)
    {
        var file = await loader.LoadAsync(c.AssignmentId, c.UserId, tracked: true, ct);
        if (file is null) return SaveResult.NotFound;
        var a = file.Assignment;
        var p = new Problems();
        if (a.State == AssignmentState.Submitted) p.Add("", "评分已经提交，不能修改。");
        else if (a.State != AssignmentState.Cleared) p.Add("", "请先声明是否存在利益冲突；已回避或未启用的专家不能评分。");
        if (file.Review.Stage != ReviewStage.Drawn) p.Add("", "本批次入围名单已确定，评分已结束。");
        else if (ChinaTime.Today(clock) > file.Review.ScoringDeadline) p.Add("", $"评分截止日期（{ChinaTime.Format(file.Review.ScoringDeadline)}）已过。");
        var marks = new List<ItemMark>();
        foreach (var item in file.Review.Rubric)
        {
            var na = c.NotApplicable.Contains(item.Key);
            var score = c.Scores.GetValueOrDefault(item.Key);
            if (na && score is not null) p.Add($"Scores[{item.Key}]", $"“{item.Label}”：已标记为不适用，请勿同时打分。");
            else if (na) marks.Add(new ItemMark(item.Key, null));
            else if (score is not null) marks.Add(new ItemMark(item.Key, score));
        }
        foreach (var m in RubricScoring.Check(file.Review.Rubric.Select(i => i.ToDomain()).ToList(), marks)) p.Add("", m);
        p.Required("Opinion", c.Opinion, "评审意见");
        p.MaxLength("Opinion", c.Opinion, ReviewLimits.Opinion, "评审意见");
        if (p.Any) return p.Result();
        db.Entry(a).Property(x => x.Version).OriginalValue = c.Version;
        a.MarksJson = ApplicationJson.Write(marks.ToDictionary(m => m.Key, m => m.Score));
        a.Total = RubricScoring.Total(file.Review.Rubric.Select(i => i.ToDomain()).ToList(), marks);
        a.Opinion = c.Opinion!.Trim();
        a.SubmittedAt = clock.GetUtcNow();
        a.State = AssignmentState.Submitted;
        db.Actor.Operation = "专家评审.提交评分";
        return await Problems.SaveAsync(db, a.Id, ct);
    }
}
