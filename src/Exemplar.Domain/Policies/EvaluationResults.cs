namespace Exemplar.Domain.Policies;

public sealed record FunctionResult(
    string Function,
    string Label,
    string Citation,
    ResultState State,
    IReadOnlyList<ConditionResult> Measures,
    /// <summary>Share of the required volume reached, averaged over measures (0–1); null when unknown.</summary>
    decimal? Attainment,
    /// <summary>The function's descriptive requirements, for the reviewer even where volumes are met.</summary>
    IReadOnlyList<string> Checklist);

public sealed record KOfNSummary(
    int K,
    int N,
    IReadOnlyList<string> Counting,
    IReadOnlyList<string> Undecided,
    IReadOnlyList<string> Failed,
    /// <summary>When the group is not met: the failed functions nearest their thresholds, nearest first, with their shortfall.</summary>
    IReadOnlyList<string> Closest,
    IReadOnlyList<FunctionResult> Functions);

public sealed record ConditionResult
{
    public required string ConditionId { get; init; }
    public required string Citation { get; init; }
    public required string Requirement { get; init; }
    public string? Required { get; init; }
    public string? Actual { get; init; }
    public required ResultState State { get; init; }
    public string? Shortfall { get; init; }
    public string? Source { get; init; }
    /// <summary>Facts that must be supplied to decide; never treated as zero.</summary>
    public IReadOnlyList<string> MissingFacts { get; init; } = [];
    public IReadOnlyList<string> Checklist { get; init; } = [];
    public string? Note { get; init; }
    public IReadOnlyList<ConditionResult> Children { get; init; } = [];
    public KOfNSummary? Group { get; init; }
    public bool IsQuantitative { get; init; } = true;
}

public sealed record PolicyEvaluation(
    string PolicyId,
    string PolicyVersion,
    string PolicyHash,
    string PolicyTitle,
    DateOnly ReferenceDate,
    /// <summary>Null when the text gives no date and none was set.</summary>
    bool? InForce,
    string InForceNote,
    Verdict Verdict,
    IReadOnlyList<ConditionResult> Conditions)
{
    public IEnumerable<ConditionResult> AllResults() => Flatten(Conditions);

    public ConditionResult? Find(string conditionId) => AllResults().FirstOrDefault(r => r.ConditionId == conditionId);

    private static IEnumerable<ConditionResult> Flatten(IEnumerable<ConditionResult> results)
    {
        foreach (var r in results)
        {
            yield return r;
            foreach (var c in Flatten(r.Children))
            {
                yield return c;
            }

            if (r.Group is { } g)
            {
                foreach (var m in g.Functions.SelectMany(f => f.Measures))
                {
                    yield return m;
                }
            }
        }
    }
}
