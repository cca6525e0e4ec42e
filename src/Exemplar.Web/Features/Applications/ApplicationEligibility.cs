using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// The engine's result for an application, with the conditions that only a later stage can fulfil shown as waiting for
/// it (昆明办法第六条第（一）项 获得推荐: 待推荐) rather than as missing data. Which facts a stage supplies is a property
/// of the fact, so a sixth programme that asks for the same recommendation needs nothing more.
/// </summary>
public static class ApplicationEligibility
{
    /// <summary>Attestations the workflow itself supplies, and what the applicant sees until it does.</summary>
    public static readonly IReadOnlyDictionary<string, string> StageAttestations = new Dictionary<string, string>
    {
        ["recommendedByCounty"] = "待推荐",
    };

    public const string AwaitingNotePrefix = "待后续环节：";

    public static PolicyEvaluation Evaluate(PolicyVersion policy, Profile profile)
    {
        var e = EligibilityEvaluator.Evaluate(policy, profile);
        var stageIds = policy.AllConditions().OfType<AttestationCondition>()
            .Where(a => StageAttestations.ContainsKey(a.Attestation)).ToDictionary(a => a.Id, a => StageAttestations[a.Attestation]);
        if (stageIds.Count == 0) return e;
        var conditions = e.Conditions.Select(c => Mark(c, stageIds)).ToList();
        return e with { Conditions = conditions, Verdict = EligibilityEvaluator.VerdictOf(conditions) };
    }

    /// <summary>"待推荐" for a condition waiting for its stage; null otherwise.</summary>
    public static string? AwaitingLabel(ConditionResult r) =>
        r.Note is { } n && n.StartsWith(AwaitingNotePrefix, StringComparison.Ordinal) ? n[AwaitingNotePrefix.Length..] : null;

    private static ConditionResult Mark(ConditionResult r, IReadOnlyDictionary<string, string> stageIds)
    {
        if (stageIds.TryGetValue(r.ConditionId, out var label) && r.State == ResultState.MissingData)
            return r with { State = ResultState.PendingReview, MissingFacts = [], Note = AwaitingNotePrefix + label };
        return r.Children.Count == 0 ? r : r with { Children = r.Children.Select(c => Mark(c, stageIds)).ToList() };
    }
}
