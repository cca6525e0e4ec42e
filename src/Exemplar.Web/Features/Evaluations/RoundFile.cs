using System.Security.Claims;
using Exemplar.Domain.Evaluation;
using Exemplar.Domain.Policies;
using Exemplar.Domain.Review;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Evaluations;

/// <summary>A round with its policy version, its grades (worst first) and its settings read from JSON.</summary>
public sealed record RoundFile(EvaluationRound Round, PolicyVersion Policy, EvaluationRule Rule, IReadOnlyList<GradeStep> Ladder,
    IReadOnlyList<RubricItem> Rubric, IReadOnlyList<Cutoff> Cutoffs, IReadOnlyList<StarStep> Stars, IReadOnlyList<FundingTier> Tiers)
{
    /// <summary>The grade whose outcome funds by tier (北京 较好), if any.</summary>
    public GradeStep? FundedGrade => Ladder.FirstOrDefault(s => s.Action == EvaluationOutcome.FundingByTier);

    public GradeStep Step(string grade) => Ladder.First(s => s.Grade == grade);

    /// <summary>What the settings still lack before scoring can open (Chinese), empty when complete.</summary>
    public IReadOnlyList<string> Missing()
    {
        var m = new List<string>();
        if (Rubric.Count == 0) m.Add("评分细则中没有评分项。");
        m.AddRange(EvaluationGrades.CheckCutoffs(Ladder, Cutoffs));
        if (Rule.StarRating) m.AddRange(EvaluationGrades.CheckStars(Stars));
        if (FundedGrade is { } f) m.AddRange(EvaluationGrades.CheckTiers(Tiers, f.Grade, Cutoffs.FirstOrDefault(c => c.Grade == f.Grade)?.MinScore));
        return m;
    }
}

/// <summary>Loads rounds with their policy; who may run or read them.</summary>
public sealed class RoundLoader(ExemplarDbContext db, ProgrammePolicies policies)
{
    /// <summary>The designating authority of the round's region runs it; administrators read it.</summary>
    public static bool MayRun(ClaimsPrincipal user, EvaluationRound round) =>
        user.Role() == Role.DesignatingOfficer && user.JurisdictionCode() == round.JurisdictionCode;

    public static bool MayRead(ClaimsPrincipal user, EvaluationRound round) => MayRun(user, round) || user.Role() == Role.Administrator;

    public async Task<RoundFile?> LoadAsync(Guid roundId, bool tracked, CancellationToken ct)
    {
        var q = tracked ? db.Set<EvaluationRound>() : db.Set<EvaluationRound>().AsNoTracking();
        var round = await q.FirstOrDefaultAsync(r => r.Id == roundId, ct);
        return round is null ? null : Read(round);
    }

    public RoundFile? Read(EvaluationRound round)
    {
        var policy = policies.VersionsOf(round.ProgrammeId).FirstOrDefault(p => p.Version == round.PolicyVersion);
        if (policy?.Management.Evaluation is not { } rule) return null;
        return new RoundFile(round, policy, rule, EvaluationGrades.Ladder(rule),
            ApplicationJson.ReadRecord<List<RubricItem>>(round.RubricJson), ApplicationJson.ReadRecord<List<Cutoff>>(round.CutoffsJson),
            ApplicationJson.ReadRecord<List<StarStep>>(round.StarScaleJson), ApplicationJson.ReadRecord<List<FundingTier>>(round.TiersJson));
    }
}
