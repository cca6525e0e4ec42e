namespace Exemplar.Domain.Ledger;

/// <summary>
/// Reproducible random sample of resident enterprises for an authority's satisfaction check. The population
/// is put in a canonical order (by id) first, then a partial Fisher–Yates shuffle driven by SplitMix64 — a
/// generator fixed here, so the same seed and population give the same sample on any machine and runtime.
/// </summary>
public static class SurveySampler
{
    /// <summary>Sample size for a share given in percent, rounded up (昆明: 不少于10%).</summary>
    public static int SizeFor(int population, decimal sharePercent)
    {
        if (population <= 0 || sharePercent <= 0) return 0;
        if (sharePercent >= 100) return population;
        return (int)Math.Ceiling(population * sharePercent / 100m);
    }

    public static IReadOnlyList<Guid> Draw(IEnumerable<Guid> population, decimal sharePercent, ulong seed)
    {
        var items = population.Distinct().OrderBy(g => g.ToString("N"), StringComparer.Ordinal).ToArray();
        var n = SizeFor(items.Length, sharePercent);
        var rng = new Review.SplitMix64(seed);
        for (var i = 0; i < n; i++)
        {
            var j = i + rng.Below(items.Length - i);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items.Take(n).ToList();
    }
}
