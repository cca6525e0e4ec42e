using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Policies;

/// <summary>What the self-check shows first for one programme: failed conditions, facts to supply, items for review.</summary>
public sealed record SelfCheckSummary(IReadOnlyList<ConditionResult> NotMet, IReadOnlyList<string> Missing, int PendingReview)
{
    /// <summary>
    /// Top-level conditions that are not met (an alternatives group counts once, with its branches' shortfalls), the labels
    /// of every fact still missing anywhere, and how many qualitative items wait for the reviewers.
    /// </summary>
    public static SelfCheckSummary Of(PolicyEvaluation e)
    {
        var notMet = e.Conditions.Where(c => c.State == ResultState.NotMet).ToList();
        var missing = e.AllResults()
            .Where(r => r.State == ResultState.MissingData || r.MissingFacts.Count > 0)
            .SelectMany(r => r.MissingFacts)
            .Distinct(StringComparer.Ordinal)
            .Select(FactCatalogue.LabelOf)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var pending = e.Conditions.Count(c => c.State == ResultState.PendingReview);
        return new SelfCheckSummary(notMet, missing, pending);
    }
}
