namespace Exemplar.Domain.Policies.Plans;

/// <summary>
/// One compiled condition. <see cref="Explain"/> gives the full result with every text; <see cref="States"/> writes
/// only its state (and its branches', functions' and measures') and builds no text. Both decide alike: the golden
/// test and the bench check it.
/// </summary>
internal abstract class Node(string id, string citation, string requirement, IReadOnlyList<string> checklist, bool isQuantitative)
{
    public string Id { get; } = id;
    public string Citation { get; } = citation;
    public string Requirement { get; } = requirement;
    public IReadOnlyList<string> Checklist { get; } = checklist;
    public bool IsQuantitative { get; } = isQuantitative;

    public abstract ConditionResult Explain(in EvalContext ctx);

    /// <summary>
    /// As <see cref="Explain(in EvalContext)"/>, with the result's state: a node that shares its results gives it from
    /// its own cache, so that the caller need not read the shared (often cold) result object.
    /// </summary>
    public virtual ConditionResult Explain(in EvalContext ctx, out ResultState state)
    {
        var r = Explain(in ctx);
        state = r.State;
        return r;
    }

    public virtual ResultState States(in EvalContext ctx, Span<ResultState> states, ref int n) => states[n++] = State(in ctx);

    /// <summary>The state of a node without nested states.</summary>
    protected virtual ResultState State(in EvalContext ctx) => throw new NotSupportedException(GetType().Name);

    public virtual void StateIds(List<string> into) => into.Add(Id);

    protected ConditionResult Result(ResultState state, string? required, string? actual, string? source, string? shortfall) => new()
    {
        ConditionId = Id,
        Citation = Citation,
        Requirement = Requirement,
        State = state,
        Required = required,
        Actual = actual,
        Source = source,
        Shortfall = shortfall,
        Checklist = Checklist,
        IsQuantitative = IsQuantitative,
    };

    protected ConditionResult MissingResult(string required, string[] facts, string shortfall) => new()
    {
        ConditionId = Id,
        Citation = Citation,
        Requirement = Requirement,
        State = ResultState.MissingData,
        Required = required,
        MissingFacts = facts,
        Shortfall = shortfall,
        Checklist = Checklist,
        IsQuantitative = IsQuantitative,
    };

    /// <summary>“需填报：…” for the facts, as the engine has always worded it.</summary>
    protected static string NeedToFill(params string[] facts) => "需填报：" + string.Join("、", facts.Select(FactCatalogue.LabelOf));

    public static string Describe(Bound b) =>
        $"{b.Hedge}{Qualifier.Symbol(b.Comparison)} {ExplanationText.Number(b.Value)}{b.Unit}（{b.QualifierWord}）";
}

/// <summary>A numeric bound with its phrases: “52家”, and the shortfall of each comparison.</summary>
internal sealed class BoundText
{
    private readonly Bound bound;
    private readonly PhraseCache actual;
    private readonly PhraseCache below;
    private readonly Func<decimal, string> actualSlow;

    public BoundText(Bound bound)
    {
        this.bound = bound;
        Required = Node.Describe(bound);
        actualSlow = d => ExplanationText.Number(d) + bound.Unit;
        actual = new PhraseCache(i => actualSlow(i));
        // Keyed by how far the value is from the bound (AtLeast/GreaterThan: below it; AtMost: above it).
        below = new PhraseCache(i => bound.Comparison == Comparison.AtMost ? ShortfallOf(bound.Value + i) : ShortfallOf(bound.Value - i));
    }

    public string Required { get; }

    public bool Holds(decimal value) => Qualifier.Holds(bound.Comparison, value, bound.Value);

    public string Actual(decimal value) => actual.Get(value, actualSlow);

    public string Shortfall(decimal value)
    {
        var gap = bound.Comparison == Comparison.AtMost ? value - bound.Value : bound.Value - value;
        return bound.Comparison != Comparison.LessThan && ExplanationText.AsInt(gap) is { } i ? below.Get(i) : ShortfallOf(value);
    }

    private string ShortfallOf(decimal actualValue)
    {
        var unit = bound.Unit == "%" ? " 个百分点" : " " + bound.Unit;
        var shortfall = bound.Comparison switch
        {
            Comparison.AtLeast => $"还差 {ExplanationText.Number(bound.Value - actualValue)}{unit}",
            Comparison.GreaterThan => $"需超过 {ExplanationText.Number(bound.Value)}{bound.Unit}，还差 {ExplanationText.Number(bound.Value - actualValue)}{unit}以上",
            Comparison.AtMost => $"超出 {ExplanationText.Number(actualValue - bound.Value)}{unit}",
            _ => $"需少于 {ExplanationText.Number(bound.Value)}{bound.Unit}",
        };
        return shortfall.Replace("  ", " ", StringComparison.Ordinal);
    }
}
