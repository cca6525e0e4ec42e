namespace Exemplar.Domain.Review;

/// <summary>One expert's total with whether it stands apart from the others, and why in words.</summary>
public sealed record ScoreNote(Guid ExpertId, decimal Total, bool IsOutlier, string? Explanation);

/// <summary>
/// The experts' totals for one application: count, mean, trimmed mean (the highest and the lowest dropped when there
/// are at least 5), sample standard deviation (n − 1), and per score an outlier flag.
/// </summary>
public sealed record ScoreAggregate(int Count, decimal? Mean, decimal? TrimmedMean, bool Trimmed, decimal? StandardDeviation, IReadOnlyList<ScoreNote> Scores)
{
    public const int TrimFrom = 5;
    public const int OutlierMinOthers = 2;

    /// <summary>The figure the ranking uses: the trimmed mean where trimmed, else the mean.</summary>
    public decimal? RankingScore => TrimmedMean ?? Mean;

    public static ScoreAggregate Of(IReadOnlyList<(Guid ExpertId, decimal Total)> totals)
    {
        var values = totals.Select(t => t.Total).ToList();
        if (values.Count == 0) return new(0, null, null, false, null, []);
        var mean = Round(values.Average());
        var trimmed = values.Count >= TrimFrom;
        decimal? trimmedMean = trimmed ? Round(values.Order().Skip(1).Take(values.Count - 2).Average()) : null;
        var notes = new List<ScoreNote>();
        for (var i = 0; i < totals.Count; i++)
        {
            var others = values.Where((_, j) => j != i).ToList();
            var (outlier, why) = Outlier(totals[i].Total, others);
            notes.Add(new ScoreNote(totals[i].ExpertId, totals[i].Total, outlier, why));
        }
        return new(values.Count, mean, trimmedMean, trimmed, values.Count >= 2 ? Round(Sd(values)) : null, notes);
    }

    /// <summary>
    /// A score is an outlier when its distance from the median of the other scores is more than twice their standard
    /// deviation. One other score has no standard deviation, so a score needs at least <see cref="OutlierMinOthers"/>
    /// others to be judged — which a panel of three experts, the usual size, gives each of its scores.
    /// </summary>
    public static (bool, string?) Outlier(decimal score, IReadOnlyList<decimal> others)
    {
        if (others.Count < OutlierMinOthers) return (false, null);
        var median = Median(others);
        var sd = Sd(others);
        var distance = Math.Abs(score - median);
        if (distance <= 2 * sd) return (false, null);
        return (true, $"该分数与其他{others.Count}位专家评分的中位数{median:0.##}相差{distance:0.##}分，超过其他专家评分标准差{Round(sd):0.##}的两倍（{Round(2 * sd):0.##}分）");
    }

    public static decimal Median(IReadOnlyList<decimal> values)
    {
        var s = values.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    /// <summary>Sample standard deviation (divides by n − 1).</summary>
    public static decimal Sd(IReadOnlyList<decimal> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        var sum = values.Sum(v => (v - mean) * (v - mean));
        return (decimal)Math.Sqrt((double)(sum / (values.Count - 1)));
    }

    private static decimal Round(decimal d) => decimal.Round(d, 2, MidpointRounding.AwayFromZero);
}

/// <summary>Ranks applications by their ranking score, highest first; equal scores share a rank (1, 1, 3); unscored last, unranked.</summary>
public static class Ranking
{
    public static IReadOnlyDictionary<Guid, int?> Of(IReadOnlyDictionary<Guid, decimal?> scores)
    {
        var ranked = scores.Where(s => s.Value is not null).OrderByDescending(s => s.Value).ToList();
        var result = scores.Where(s => s.Value is null).ToDictionary(s => s.Key, _ => (int?)null);
        for (var i = 0; i < ranked.Count; i++)
            result[ranked[i].Key] = i > 0 && ranked[i].Value == ranked[i - 1].Value ? result[ranked[i - 1].Key] : i + 1;
        return result;
    }
}
