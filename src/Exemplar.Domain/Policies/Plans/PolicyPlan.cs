using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Exemplar.Domain.Policies.Plans;

/// <summary>
/// The fact keys a set of plans reads, each given a slot once at compile time. An evaluation looks every key up in the
/// profile once (<see cref="Resolve"/>); the conditions then read their slots by index.
/// </summary>
internal sealed class FactTable
{
    private readonly Dictionary<string, int> slots = new(StringComparer.Ordinal);
    private readonly List<string> keys = [];

    public int Slot(string key)
    {
        if (!slots.TryGetValue(key, out var slot))
        {
            slot = keys.Count;
            slots[key] = slot;
            keys.Add(key);
        }

        return slot;
    }

    public int Count => keys.Count;

    public void Resolve(Profile profile, Fact?[] into)
    {
        // An ordinal dictionary (every profile the product builds) is read entry by entry, each key looked up here:
        // this table is small and stays in cache, where looking every key up in the profile's dictionary reads its
        // (cold) buckets, entries and key strings once per key.
        if (profile.Facts is Dictionary<string, Fact> d && d.Count <= 2 * keys.Count
            && (ReferenceEquals(d.Comparer, StringComparer.Ordinal) || ReferenceEquals(d.Comparer, EqualityComparer<string>.Default)))
        {
            Array.Clear(into, 0, keys.Count);
            ref var first = ref MemoryMarshal.GetArrayDataReference(into);
            foreach (var (key, fact) in d)
            {
                if (slots.TryGetValue(key, out var slot))
                {
                    Unsafe.Add(ref first, slot) = fact; // no covariance check: it would read the fact now
                }
            }

            return;
        }

        var facts = profile.Facts;
        for (var i = 0; i < keys.Count; i++)
        {
            into[i] = facts.TryGetValue(keys[i], out var fact) ? fact : null;
        }
    }

    [ThreadStatic]
    private static Fact?[]? buffer;

    /// <summary>A per-thread slot array (evaluations do not nest, and no result keeps it).</summary>
    public Fact?[] Rent()
    {
        var b = buffer;
        if (b is null || b.Length < keys.Count)
        {
            buffer = b = new Fact?[Math.Max(keys.Count, 128)];
        }

        return b;
    }
}

/// <summary>What a condition needs while it is evaluated: the resolved facts, the dates and the programme's rules.</summary>
internal readonly struct EvalContext(Fact?[] facts, Profile profile, DateRoundingRule rounding, CarrierKind kind)
{
    public readonly Fact?[] Facts = facts;
    public readonly Profile Profile = profile;
    public readonly DateRoundingRule Rounding = rounding;
    public readonly CarrierKind Kind = kind;
}

/// <summary>One programme compiled once: its conditions as nodes over fact slots, and the in-force wording.</summary>
internal sealed class PolicyPlan
{
    private readonly Node[] nodes;

    public PolicyPlan(PolicyVersion policy, FactTable table)
    {
        Policy = policy;
        Table = table;
        nodes = policy.Conditions.Select(c => NodeCompiler.Compile(c, table, policy.Kind)).ToArray();
        var ids = new List<string>();
        foreach (var n in nodes)
        {
            n.StateIds(ids);
        }

        StateIds = ids;
    }

    public PolicyVersion Policy { get; }

    public FactTable Table { get; }

    /// <summary>The condition at each position of <see cref="States"/>.</summary>
    public IReadOnlyList<string> StateIds { get; }

    public PolicyEvaluation Evaluate(Fact?[] facts, Profile profile)
    {
        var ctx = new EvalContext(facts, profile, Policy.DateRounding, Policy.Kind);
        var results = new ConditionResult[nodes.Length];
        bool notMet = false, missing = false, pending = false;
        ref var first = ref MemoryMarshal.GetArrayDataReference(results);
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            Unsafe.Add(ref first, i) = node.Explain(in ctx, out var state); // no covariance check: it would read the (shared, often cold) result
            if (node.IsQuantitative)
            {
                Note(state, ref notMet, ref missing, ref pending);
            }
        }

        var inForce = Policy.IsInForceOn(profile.ReferenceDate);
        var note = inForce switch
        {
            null => "文本未载明施行日期，由管理员设定",
            true => InForceText(profile.ReferenceDate),
            false => Policy.EffectiveFrom > profile.ReferenceDate
                ? $"{ExplanationText.Date(profile.ReferenceDate)}尚未施行（{ExplanationText.Date(Policy.EffectiveFrom!.Value)}起施行）"
                : $"{ExplanationText.Date(profile.ReferenceDate)}已失效（有效期至{ExplanationText.Date(Policy.EffectiveTo!.Value)}）",
        };
        return new PolicyEvaluation(Policy.Id, Policy.Version, Policy.ContentHash, Policy.Title, profile.ReferenceDate, inForce, note,
            VerdictOf(notMet, missing, pending), results);
    }

    private readonly string?[] inForceTexts = new string?[64];

    /// <summary>“2026年3月31日在施行期内”, kept per day (direct-mapped: a batch has few reference dates).</summary>
    private string InForceText(DateOnly day)
    {
        ref var slot = ref inForceTexts[day.DayNumber & (inForceTexts.Length - 1)];
        var date = ExplanationText.Date(day);
        var text = slot;
        if (text is null || text.Length != date.Length + 5 || !text.AsSpan(0, date.Length).SequenceEqual(date))
        {
            slot = text = date + "在施行期内";
        }

        return text;
    }

    /// <summary>States only, no text: writes <see cref="StateIds"/>.Count states from <paramref name="n"/>.</summary>
    public Verdict States(Fact?[] facts, Profile profile, Span<ResultState> states, ref int n)
    {
        var ctx = new EvalContext(facts, profile, Policy.DateRounding, Policy.Kind);
        bool notMet = false, missing = false, pending = false;
        foreach (var node in nodes)
        {
            var state = node.States(in ctx, states, ref n);
            if (node.IsQuantitative)
            {
                Note(state, ref notMet, ref missing, ref pending);
            }
        }

        return VerdictOf(notMet, missing, pending);
    }

    private static void Note(ResultState state, ref bool notMet, ref bool missing, ref bool pending)
    {
        switch (state)
        {
            case ResultState.NotMet: notMet = true; break;
            case ResultState.MissingData: missing = true; break;
            case ResultState.PendingReview: pending = true; break;
        }
    }

    private static Verdict VerdictOf(bool notMet, bool missing, bool pending) =>
        notMet ? Verdict.DoesNotMeet : missing ? Verdict.MissingData : pending ? Verdict.PendingReview : Verdict.MeetsAllQuantitative;
}
