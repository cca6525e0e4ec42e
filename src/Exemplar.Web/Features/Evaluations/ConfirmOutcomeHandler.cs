using Exemplar.Domain.Evaluation;
using Exemplar.Domain.Policies;
using Exemplar.Domain.Review;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Evaluations;

/// <summary>Where a base stands in a round before confirmation: its panel's progress, its score and the grade the cut-offs give.</summary>
public sealed record SubjectStanding(int Pending, int Submitted, decimal? Score, string? ProposedGrade);

public sealed record ConfirmOutcomeCommand(Guid RoundId, Guid SubjectId, uint Version, string? Grade, string? Reason, bool Confirmed);

/// <summary>
/// 确认测评结果, per base, after scoring opened: the grade is the one the cut-offs give (or, for a base that did not take
/// part, the policy's <c>nonParticipationGrade</c>, 北京第十三条), unless the authority overrides it with a reason. The
/// outcome follows from the policy's outcome for that grade (action, revocation ground, article); stars from the scale
/// and the funding tier from the tiers. Final once confirmed. A revoking outcome revokes nothing itself: the revocation
/// is started from it (待撤销).
/// </summary>
public sealed class ConfirmOutcomeHandler(ExemplarDbContext db, RoundLoader loader, TimeProvider clock)
{
    public static async Task<SubjectStanding> StandingAsync(ExemplarDbContext db, RoundFile file, EvaluationSubject s, CancellationToken ct)
    {
        if (!s.Participates) return new(0, 0, null, file.Rule.NonParticipationGrade);
        var panel = await db.Set<EvaluationAssignment>().AsNoTracking().Where(x => x.SubjectId == s.Id).ToListAsync(ct);
        var pending = panel.Count(x => x.State is AssignmentState.Assigned or AssignmentState.Cleared);
        var submitted = panel.Where(x => x.State == AssignmentState.Submitted).ToList();
        if (pending > 0 || submitted.Count == 0) return new(pending, submitted.Count, null, null);
        var score = ScoreAggregate.Of(submitted.Select(x => (x.ExpertId, x.Total!.Value)).ToList()).RankingScore!.Value;
        return new(0, submitted.Count, score, EvaluationGrades.GradeFor(file.Ladder, file.Cutoffs, score).Grade);
    }

    public async Task<SaveResult> HandleAsync(ConfirmOutcomeCommand c, CancellationToken ct)
    {
        var file = await loader.LoadAsync(c.RoundId, tracked: false, ct);
        if (file is null) return SaveResult.NotFound;
        var subject = await db.Set<EvaluationSubject>().FirstOrDefaultAsync(s => s.Id == c.SubjectId && s.RoundId == c.RoundId, ct);
        if (subject is null) return SaveResult.NotFound;
        var p = new Problems();
        if (file.Round.Stage != EvaluationStage.Scoring) p.Add("", "评分尚未开始，不能确认结果。");
        else if (subject.Confirmed) p.Add("", "该基地的测评结果已经确认，不能更改。");
        if (p.Any) return p.Result();
        var standing = await StandingAsync(db, file, subject, ct);
        if (standing.ProposedGrade is null)
            p.Add("", standing.Pending > 0 ? $"还有{standing.Pending}位评审专家未提交评分，不能确认。" : "该基地还没有专家评分，不能确认。");
        var grade = string.IsNullOrWhiteSpace(c.Grade) ? standing.ProposedGrade : c.Grade.Trim();
        if (grade is not null && file.Ladder.All(s => s.Grade != grade)) p.Add("Grade", "测评结果只能是本办法规定的等次之一。");
        var overridden = grade is not null && standing.ProposedGrade is not null && grade != standing.ProposedGrade;
        if (overridden && !subject.Participates) p.Add("Grade", $"未按要求参加的，视同为“{standing.ProposedGrade}”（{file.Rule.NonParticipation?.Citation}），不能改为其他等次。");
        if (overridden) p.Required("Reason", c.Reason, "调整等次的理由");
        p.MaxLength("Reason", c.Reason, EvaluationLimits.Reason, "调整等次的理由");
        if (!c.Confirmed) p.Add("Confirmed", "请勾选“已核对，确认该结果”。确认后不能更改。");
        if (p.Any) return p.Result();

        var step = file.Step(grade!);
        db.Entry(subject).Property(x => x.Version).OriginalValue = c.Version;
        subject.Score = standing.Score;
        subject.ProposedGrade = standing.ProposedGrade;
        subject.Grade = step.Grade;
        subject.Action = step.Action;
        subject.GroundId = step.Ground;
        subject.Citation = step.Ground is { } g && file.Policy.Management.Ground(g) is { } ground ? ground.Citation : step.Citation;
        subject.OverrideReason = overridden ? c.Reason!.Trim() : null;
        subject.Stars = file.Rule.StarRating && standing.Score is { } sc ? EvaluationGrades.StarsFor(file.Stars, sc) : null;
        if (step.Action == EvaluationOutcome.FundingByTier && file.Tiers.Count > 0)
        {
            var tier = EvaluationGrades.TierFor(file.Tiers, standing.Score);
            (subject.TierName, subject.TierAmountWan) = (tier.Name, tier.AmountWan);
        }
        subject.ConfirmedAt = clock.GetUtcNow();
        subject.ConfirmedByName = db.Actor.Name;
        db.Actor.Operation = overridden ? "测评.调整并确认结果" : "测评.确认结果";
        return await Problems.SaveAsync(db, subject.Id, ct);
    }
}
