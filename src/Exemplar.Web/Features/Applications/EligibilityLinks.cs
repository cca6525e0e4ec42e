using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Applications;

/// <summary>Condition id → the page listing the ledger records behind its actual figure (only for figures from the ledger).</summary>
public static class EligibilityLinks
{
    public static IReadOnlyDictionary<string, string?> For(PolicyVersion policy, IReadOnlyList<ProfileFact> facts)
    {
        var byKey = facts.Where(f => f.LedgerLink is not null && f.Entered is null).ToDictionary(f => f.Key, f => f.LedgerLink);
        var links = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var c in policy.AllConditions())
        {
            var key = c switch
            {
                ThresholdCondition t => t.Fact,
                RatioCondition r => r.Numerator,
                DurationCondition d => d.Fact,
                GrowthCondition g => g.Fact,
                _ => null,
            };
            if (key is not null && byKey.TryGetValue(key, out var link)) links[c.Id] = link;
            if (c is KOfNCondition k)
                foreach (var f in k.Functions)
                    foreach (var m in f.Measures)
                        if (byKey.TryGetValue(FactCatalogue.FunctionKey(f.Function, m.Measure), out var ml)) links[$"{k.Id}/{f.Function}/{m.Measure}"] = ml;
        }
        return links;
    }
}
