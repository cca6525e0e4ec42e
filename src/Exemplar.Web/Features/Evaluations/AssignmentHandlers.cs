using Exemplar.Domain.Evaluation;
using Exemplar.Domain.Review;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Evaluations;

/// <summary>An expert's evaluation assignment with its round, loaded for that expert only.</summary>
public sealed record EvaluationTask(EvaluationAssignment Assignment, RoundFile File, EvaluationSubject Subject, Expert Expert);

public sealed class EvaluationTaskLoader(ExemplarDbContext db, RoundLoader rounds)
{
    /// <summary>The assignment if it belongs to the expert linked to <paramref name="userId"/>; null otherwise (404).</summary>
    public async Task<EvaluationTask?> LoadAsync(Guid assignmentId, Guid? userId, bool tracked, CancellationToken ct)
    {
        if (userId is null) return null;
        var expert = await db.Set<Expert>().AsNoTracking().FirstOrDefaultAsync(e => e.UserId == userId, ct);
        if (expert is null) return null;
        var q = tracked ? db.Set<EvaluationAssignment>() : db.Set<EvaluationAssignment>().AsNoTracking();
        var a = await q.FirstOrDefaultAsync(x => x.Id == assignmentId && x.ExpertId == expert.Id, ct);
        if (a is null) return null;
        var file = await rounds.LoadAsync(a.RoundId, tracked: false, ct);
        var subject = await (tracked ? db.Set<EvaluationSubject>() : db.Set<EvaluationSubject>().AsNoTracking()).SingleAsync(s => s.Id == a.SubjectId, ct);
        return file is null ? null : new EvaluationTask(a, file, subject, expert);
    }
}

public sealed record EvaluationDeclareCommand(Guid AssignmentId, Guid? UserId, uint Version, bool? HasConflict, string? Reason);

/// <summary>利益冲突声明 before the base's figures are shown; a conflict removes the expert and calls in the next reserve.</summary>
public sealed class EvaluationDeclareHandler(ExemplarDbContext db, EvaluationTaskLoader loader, Messenger messenger, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(EvaluationDeclareCommand c, CancellationToken ct)
    {
        var task = await loader.LoadAsync(c.AssignmentId, c.UserId, tracked: true, ct);
        if (task is null) return SaveResult.NotFound;
        var a = task.Assignment;
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
            var next = await db.Set<EvaluationAssignment>().Where(x => x.SubjectId == a.SubjectId && x.State == AssignmentState.Reserve)
                .OrderBy(x => x.Position).FirstOrDefaultAsync(ct);
            if (next is not null)
            {
                next.State = AssignmentState.Assigned;
                next.CalledInAt = now;
                var user = await db.Set<Expert>().Where(e => e.Id == next.ExpertId).Select(e => e.UserId).SingleAsync(ct);
                if (user is { } u) OpenScoringHandler.Tell(messenger, next, u, task.File.Round);
            }
            db.Actor.Operation = "测评.声明回避";
        }
        else
        {
            a.State = AssignmentState.Cleared;
            db.Actor.Operation = "测评.声明无利益冲突";
        }
        return await Problems.SaveAsync(db, a.Id, ct);
    }
}

public sealed record EvaluationScoreCommand(Guid AssignmentId, Guid? UserId, uint Version, IReadOnlyDictionary<string, decimal?> Scores, IReadOnlyCollection<string> NotApplicable, string? Opinion);

/// <summary>
/// Submits an expert's marks (each within the item's full marks, or 不适用) and opinion, once, totalled by
/// <see cref="RubricScoring"/>. When the last expert on the base's panel has submitted, the base's score (the trimmed mean
/// where there are five or more, else the mean, <see cref="ScoreAggregate"/>) and the grade its cut-offs give are recorded.
/// </summary>
public sealed class EvaluationScoreHandler(ExemplarDbContext db, EvaluationTaskLoader loader, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(EvaluationScoreCommand c, CancellationToken ct)
    {
        var task = await loader.LoadAsync(c.AssignmentId, c.UserId, tracked: true, ct);
        if (task is null) return SaveResult.NotFound;
        var a = task.Assignment;
        var round = task.File.Round;
        var p = new Problems();
        if (a.State == AssignmentState.Submitted) p.Add("", "评分已经提交，不能修改。");
        else if (a.State != AssignmentState.Cleared) p.Add("", "请先声明是否存在利益冲突；已回避或未启用的专家不能评分。");
        if (task.Subject.Confirmed) p.Add("", "该基地的测评结果已经确认，评分已结束。");
        else if (ChinaTime.Today(clock) > round.ScoringDeadline) p.Add("", $"评分截止日期（{ChinaTime.Format(round.ScoringDeadline)}）已过。");
        var marks = new List<ItemMark>();
        foreach (var item in task.File.Rubric)
        {
            var na = c.NotApplicable.Contains(item.Key);
            var score = c.Scores.GetValueOrDefault(item.Key);
            if (na && score is not null) p.Add($"Scores[{item.Key}]", $"“{item.Label}”：已标记为不适用，请勿同时打分。");
            else if (na) marks.Add(new ItemMark(item.Key, null));
            else if (score is not null) marks.Add(new ItemMark(item.Key, score));
        }
        foreach (var m in RubricScoring.Check(task.File.Rubric, marks)) p.Add("", m);
        p.Required("Opinion", c.Opinion, "评审意见");
        p.MaxLength("Opinion", c.Opinion, EvaluationLimits.Opinion, "评审意见");
        if (p.Any) return p.Result();
        db.Entry(a).Property(x => x.Version).OriginalValue = c.Version;
        a.MarksJson = ApplicationJson.Write(marks.ToDictionary(m => m.Key, m => m.Score));
        a.Total = RubricScoring.Total(task.File.Rubric, marks);
        a.Opinion = c.Opinion!.Trim();
        a.SubmittedAt = clock.GetUtcNow();
        a.State = AssignmentState.Submitted;

        var others = await db.Set<EvaluationAssignment>().AsNoTracking().Where(x => x.SubjectId == a.SubjectId && x.Id != a.Id).ToListAsync(ct);
        if (!others.Any(x => x.State is AssignmentState.Assigned or AssignmentState.Cleared))
        {
            var totals = others.Where(x => x.State == AssignmentState.Submitted).Select(x => (x.ExpertId, x.Total!.Value)).Append((a.ExpertId, a.Total.Value)).ToList();
            var score = ScoreAggregate.Of(totals).RankingScore!.Value;
            task.Subject.Score = score;
            task.Subject.ProposedGrade = EvaluationGrades.GradeFor(task.File.Ladder, task.File.Cutoffs, score).Grade;
        }
        db.Actor.Operation = "测评.提交评分";
        return await Problems.SaveAsync(db, a.Id, ct);
    }
}
