using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Exemplar.Domain.Policies.Plans;

internal static class NodeCompiler
{
    public static Node Compile(Condition c, FactTable table, CarrierKind kind) => c switch
    {
        ThresholdCondition { RegisteredIn: { } region } t => new RegisteredCountNode(t, region, table),
        ThresholdCondition t => new ThresholdNode(t.Id, t.Citation, t.Requirement, t.Checklist, t.IsQuantitative, t.Fact, t.Bound, table),
        RatioCondition r => new RatioNode(r, table),
        DurationCondition d => new DurationNode(d, table),
        GrowthCondition g => new GrowthNode(g, table),
        RegistrationCondition r => new RegistrationNode(r, table),
        CarrierTypeCondition t => new CarrierTypeNode(t, kind, table),
        LookbackCondition l => new LookbackNode(l, table),
        AttestationCondition a => new AttestationNode(a, table),
        ReviewCondition r => new ReviewNode(r),
        AlternativesCondition a => new AlternativesNode(a, table, kind),
        KOfNCondition k => new KOfNNode(k, table),
        _ => throw new NotSupportedException(c.GetType().Name),
    };

    /// <summary>All must hold: NotMet dominates, then missing data, then review; not applicable is left out.</summary>
    public static ResultState Combine(bool notMet, bool missing, bool pending) =>
        notMet ? ResultState.NotMet : missing ? ResultState.MissingData : pending ? ResultState.PendingReview : ResultState.Met;

    public static void Note(ResultState state, ref bool notMet, ref bool missing, ref bool pending)
    {
        switch (state)
        {
            case ResultState.NotMet: notMet = true; break;
            case ResultState.MissingData: missing = true; break;
            case ResultState.PendingReview: pending = true; break;
        }
    }
}

/// <summary>Any one applicable branch met is enough (北京 60/60% or 40/80%; 昆明 site area by base type).</summary>
internal sealed class AlternativesNode : Node
{
    private sealed record BranchPlan(string Id, string Label, int Slot, string? EqualsValue, string? AppliesFact, string? Note, string Satisfied, Node[] Conditions);

    private readonly BranchPlan[] branches;
    private readonly string required;
    private const string NotApplicableNote = "本情形不适用于该载体";

    public AlternativesNode(AlternativesCondition a, FactTable table, CarrierKind kind)
        : base(a.Id, a.Citation, a.Requirement, a.Checklist, a.IsQuantitative)
    {
        branches = a.Branches.Select(b => new BranchPlan(
            $"{a.Id}/{b.Id}",
            b.Label,
            b.AppliesWhen is { } w ? table.Slot(w.Fact) : -1,
            b.AppliesWhen?.EqualsValue,
            b.AppliesWhen?.Fact,
            b.AppliesWhen is null ? null : $"适用于{FactCatalogue.LabelOf(b.AppliesWhen.Fact)}为“{FactCatalogue.ValueText(b.AppliesWhen.Fact, b.AppliesWhen.EqualsValue)}”的情形",
            $"满足：{b.Label}",
            b.Conditions.Select(c => NodeCompiler.Compile(c, table, kind)).ToArray())).ToArray();
        required = string.Join(" 或 ", a.Branches.Select(b => b.Label));
    }

    public override void StateIds(List<string> into)
    {
        into.Add(Id);
        foreach (var b in branches)
        {
            into.Add(b.Id);
            foreach (var c in b.Conditions)
            {
                c.StateIds(into);
            }
        }
    }

    private static ResultState Applicability(BranchPlan b, in EvalContext ctx)
    {
        if (b.Slot < 0)
        {
            return ResultState.Met;
        }

        var fact = ctx.Facts[b.Slot];
        if (fact is null)
        {
            return ResultState.MissingData;
        }

        var text = fact.Value switch
        {
            bool v => v ? "true" : "false",
            string s => s,
            _ => fact.Value.ToString(),
        };
        return text == b.EqualsValue ? ResultState.Met : ResultState.NotApplicable;
    }

    private static ResultState Overall(bool anyMet, bool anyPending, bool anyMissing, bool allNotApplicable) =>
        anyMet ? ResultState.Met
        : anyPending ? ResultState.PendingReview
        : anyMissing ? ResultState.MissingData
        : allNotApplicable ? ResultState.MissingData
        : ResultState.NotMet;

    public override ConditionResult Explain(in EvalContext ctx)
    {
        var children = new ConditionResult[branches.Length];
        bool anyMet = false, anyPending = false, anyMissing = false, allNotApplicable = true;
        for (var bi = 0; bi < branches.Length; bi++)
        {
            var b = branches[bi];
            var applicability = Applicability(b, in ctx);
            var inner = new ConditionResult[b.Conditions.Length];
            bool notMet = false, missing = false, pending = false;
            for (var i = 0; i < inner.Length; i++)
            {
                var r = b.Conditions[i].Explain(in ctx, out var s);
                if (applicability == ResultState.NotApplicable)
                {
                    r = r with { State = ResultState.NotApplicable, Shortfall = null, MissingFacts = [], Note = NotApplicableNote };
                    s = ResultState.NotApplicable;
                }

                inner[i] = r;
                NodeCompiler.Note(s, ref notMet, ref missing, ref pending);
            }

            NodeCompiler.Note(applicability, ref notMet, ref missing, ref pending);
            var state = applicability == ResultState.NotApplicable ? ResultState.NotApplicable : NodeCompiler.Combine(notMet, missing, pending);
            Tally(state, ref anyMet, ref anyPending, ref anyMissing, ref allNotApplicable);
            children[bi] = new ConditionResult
            {
                ConditionId = b.Id,
                Citation = Citation,
                Requirement = b.Label,
                State = state,
                Children = inner,
                MissingFacts = applicability == ResultState.MissingData ? [b.AppliesFact!] : [],
                Note = b.Note,
            };
        }

        var overall = Overall(anyMet, anyPending, anyMissing, allNotApplicable);
        var chosen = children[0];
        foreach (var c in children)
        {
            if (c.State == overall)
            {
                chosen = c;
                break;
            }
        }

        return new ConditionResult
        {
            ConditionId = Id,
            Citation = Citation,
            Requirement = Requirement,
            State = overall,
            Children = children,
            Required = required,
            Actual = overall == ResultState.Met ? branches[Array.IndexOf(children, chosen)].Satisfied : null,
            Shortfall = overall == ResultState.NotMet ? NotMetShortfall(children) : null,
            MissingFacts = overall == ResultState.MissingData ? MissingFacts(children) : [],
            Checklist = Checklist,
            IsQuantitative = IsQuantitative,
        };
    }

    private static string NotMetShortfall(ConditionResult[] children)
    {
        var parts = new List<string>();
        foreach (var c in children)
        {
            if (c.State != ResultState.NotMet)
            {
                continue;
            }

            foreach (var x in c.Children)
            {
                if (x.Shortfall is not null)
                {
                    parts.Add($"{x.Requirement}：{x.Shortfall}");
                }
            }
        }

        return string.Join("；", parts);
    }

    private static List<string> MissingFacts(ConditionResult[] children)
    {
        var list = new List<string>();
        void Add(IReadOnlyList<string> facts)
        {
            foreach (var f in facts)
            {
                if (!list.Contains(f))
                {
                    list.Add(f);
                }
            }
        }

        foreach (var c in children)
        {
            Add(c.MissingFacts);
            foreach (var x in c.Children)
            {
                Add(x.MissingFacts);
            }
        }

        return list;
    }

    private static void Tally(ResultState state, ref bool anyMet, ref bool anyPending, ref bool anyMissing, ref bool allNotApplicable)
    {
        anyMet |= state == ResultState.Met;
        anyPending |= state == ResultState.PendingReview;
        anyMissing |= state == ResultState.MissingData;
        allNotApplicable &= state == ResultState.NotApplicable;
    }

    public override ResultState States(in EvalContext ctx, Span<ResultState> states, ref int n)
    {
        var at = n++;
        bool anyMet = false, anyPending = false, anyMissing = false, allNotApplicable = true;
        foreach (var b in branches)
        {
            var applicability = Applicability(b, in ctx);
            var branchAt = n++;
            bool notMet = false, missing = false, pending = false;
            foreach (var c in b.Conditions)
            {
                var first = n;
                var s = c.States(in ctx, states, ref n);
                if (applicability == ResultState.NotApplicable)
                {
                    states[first..n].Fill(ResultState.NotApplicable);
                }
                else
                {
                    NodeCompiler.Note(s, ref notMet, ref missing, ref pending);
                }
            }

            NodeCompiler.Note(applicability, ref notMet, ref missing, ref pending);
            var state = states[branchAt] = applicability == ResultState.NotApplicable ? ResultState.NotApplicable : NodeCompiler.Combine(notMet, missing, pending);
            Tally(state, ref anyMet, ref anyPending, ref anyMissing, ref allNotApplicable);
        }

        return states[at] = Overall(anyMet, anyPending, anyMissing, allNotApplicable);
    }
}

/// <summary>At least K of the service functions at their annual volumes; a function without volumes goes to review when offered.</summary>
internal sealed class KOfNNode : Node
{
    private sealed class FunctionPlan
    {
        public required FunctionRequirement Function { get; init; }
        public required string StateId { get; init; }
        public required ThresholdNode[] Measures { get; init; }
        public required decimal[] BoundValues { get; init; }
        // A function without volumes: “offered” and its three possible results' texts.
        public int OfferedSlot { get; init; } = -1;
        public string? OfferedKey { get; init; }
        public string? OfferedRequirement { get; init; }
        public string? OfferedShortfall { get; init; }
        public ResultSlots OfferedResults { get; } = new(3);
        // A function without volumes: its result per shared “offered” result (by that result's slot).
        public FunctionEntry?[] OfferedShared { get; init; } = [];

        // A function with volumes: its results shared per combination of its measures' shared results.
        public FunctionSlots? Slots { get; init; }
    }

    /// <summary>
    /// Function results shared while their measures' results are the same shared objects: written once per slot as
    /// <see cref="ResultSlots"/> are, with the measures, the state and the attainment in the slot, so that a look-up
    /// and the tallies read the slot only.
    /// </summary>
    private sealed class FunctionSlots
    {
        private const int Sets = 256, Ways = 3;
        private const int Empty = 0, Writing = 1, Ready = 2;
        private readonly Slot[] items = new Slot[Sets * Ways];

        private struct Slot
        {
            public int Filled;
            public ResultState State;
            public decimal Attainment;
            public ConditionResult? M0;
            public ConditionResult? M1;
            public FunctionEntry? Entry;
        }

        public FunctionEntry? Find(uint hash, ConditionResult r0, ConditionResult? r1, ConditionResult[]? many, out int free, out ResultState state, out decimal attainment)
        {
            var first = (int)(((hash * 0x9E3779B1u) >> 16) & (Sets - 1)) * Ways;
            free = -1;
            for (var i = first; i < first + Ways; i++)
            {
                ref var s = ref items[i];
                var filled = Volatile.Read(ref s.Filled);
                if (filled == Empty)
                {
                    free = i;
                    break;
                }

                if (filled == Ready && ReferenceEquals(s.M0, r0) && ReferenceEquals(s.M1, r1) && (many is null || s.Entry!.Holds(r0, r1, many)))
                {
                    state = s.State;
                    attainment = s.Attainment;
                    return s.Entry;
                }
            }

            state = default;
            attainment = default;
            return null;
        }

        public void Keep(int free, FunctionEntry entry)
        {
            if (free >= 0 && Interlocked.CompareExchange(ref items[free].Filled, Writing, Empty) == Empty)
            {
                ref var s = ref items[free];
                s.State = entry.State;
                s.Attainment = entry.Attainment;
                s.M0 = entry.M0;
                s.M1 = entry.M1;
                s.Entry = entry;
                Volatile.Write(ref s.Filled, Ready);
            }
        }
    }

    /// <summary>
    /// A function's result shared while its measures' results are the same objects (shared results, see
    /// <see cref="ResultSlots"/>: the same values from the same sources), with its “closest” text once made.
    /// </summary>
    private sealed class FunctionEntry(ConditionResult[] measures, FunctionResult result)
    {
        // The first two measures, the state and the attainment copied here: a look-up and the tallies read this entry only.
        public readonly ConditionResult M0 = measures[0];
        public readonly ConditionResult? M1 = measures.Length > 1 ? measures[1] : null;
        public readonly ConditionResult[] Measures = measures;
        public readonly ResultState State = result.State;
        public readonly decimal Attainment = result.Attainment ?? 0;
        public readonly FunctionResult Result = result;
        public string? Closest;

        public bool Holds(ConditionResult r0, ConditionResult? r1, ConditionResult[]? many)
        {
            if (!ReferenceEquals(M0, r0) || !ReferenceEquals(M1, r1))
            {
                return false;
            }

            if (many is not null)
            {
                var m = Measures;
                for (var i = 2; i < m.Length; i++)
                {
                    if (!ReferenceEquals(m[i], many[i]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }

    /// <summary>The labels of the counting, undecided and failed functions for one combination of function states.</summary>
    private sealed record LabelSet(uint Mask, string[] Counting, string[] Waiting, string[] Failing);

    private readonly int k;
    private readonly FunctionPlan[] functions;
    private readonly string required;
    private readonly PhraseCache shortBy = new(n => $"还差 {n} 项服务功能", 64);
    private readonly string?[,] actualTexts;
    private readonly LabelSet?[] labelSets = new LabelSet?[256];

    public KOfNNode(KOfNCondition c, FactTable table)
        : base(c.Id, c.Citation, c.Requirement, c.Checklist, c.IsQuantitative)
    {
        k = c.K;
        required = $"{c.QualifierWord} {c.K} 项（共 {c.Functions.Count} 项）";
        actualTexts = new string?[c.Functions.Count + 1, c.Functions.Count + 1];
        functions = c.Functions.Select(f =>
        {
            if (f.Measures.Count == 0)
            {
                var key = FactCatalogue.FunctionKey(f.Function, "offered");
                return new FunctionPlan
                {
                    Function = f,
                    StateId = $"{c.Id}/{f.Function}",
                    Measures = [],
                    BoundValues = [],
                    OfferedSlot = table.Slot(key),
                    OfferedKey = key,
                    OfferedRequirement = $"提供{f.Label}（无数量要求，由评审专家判断服务能力）",
                    OfferedShortfall = $"需填报：{FactCatalogue.LabelOf(key)}",
                    OfferedShared = new FunctionEntry?[new ResultSlots(3).Capacity],
                };
            }

            return new FunctionPlan
            {
                Function = f,
                StateId = $"{c.Id}/{f.Function}",
                Measures = f.Measures.Select(m =>
                {
                    var key = FactCatalogue.FunctionKey(f.Function, m.Measure);
                    return new ThresholdNode($"{c.Id}/{f.Function}/{m.Measure}", f.Citation, $"{FactCatalogue.LabelOf(key)} {Describe(m.Bound)}", [], true, key, m.Bound, table);
                }).ToArray(),
                BoundValues = f.Measures.Select(m => m.Bound.Value).ToArray(),
                Slots = new FunctionSlots(),
            };
        }).ToArray();
    }

    public override void StateIds(List<string> into)
    {
        into.Add(Id);
        foreach (var f in functions)
        {
            into.Add(f.StateId);
            foreach (var m in f.Measures)
            {
                into.Add(m.Id);
            }
        }
    }

    private static ResultState Offered(Fact? offered) => offered?.AsBoolean switch
    {
        true => ResultState.PendingReview,
        false => ResultState.NotMet,
        _ => ResultState.MissingData,
    };

    private ResultState Overall(int met, int pending, int undecided)
    {
        if (met >= k)
        {
            return ResultState.Met;
        }

        if (met + undecided < k)
        {
            return ResultState.NotMet;
        }

        // Enough undecided functions could still reach K: review if review alone could settle it.
        return met + pending >= k ? ResultState.PendingReview : ResultState.MissingData;
    }

    public override ResultState States(in EvalContext ctx, Span<ResultState> states, ref int n)
    {
        var at = n++;
        int met = 0, pending = 0, undecided = 0;
        foreach (var f in functions)
        {
            var fAt = n++;
            ResultState state;
            if (f.Measures.Length == 0)
            {
                state = Offered(ctx.Facts[f.OfferedSlot]);
            }
            else
            {
                bool notMet = false, missing = false, review = false;
                foreach (var m in f.Measures)
                {
                    NodeCompiler.Note(m.States(in ctx, states, ref n), ref notMet, ref missing, ref review);
                }

                state = NodeCompiler.Combine(notMet, missing, review);
            }

            states[fAt] = state;
            Count(state, ref met, ref pending, ref undecided);
        }

        return states[at] = Overall(met, pending, undecided);
    }

    private static void Count(ResultState state, ref int met, ref int pending, ref int undecided)
    {
        switch (state)
        {
            case ResultState.Met: met++; break;
            case ResultState.PendingReview: pending++; undecided++; break;
            case ResultState.MissingData: undecided++; break;
        }
    }

    public override ConditionResult Explain(in EvalContext ctx)
    {
        var results = new FunctionResult[functions.Length];
        var entries = new FunctionEntry[functions.Length];
        int met = 0, pending = 0, undecided = 0, failed = 0;
        uint mask = 0;
        ref var result0 = ref MemoryMarshal.GetArrayDataReference(results);
        ref var entry0 = ref MemoryMarshal.GetArrayDataReference(entries);
        Span<ResultState> states = functions.Length <= 64 ? stackalloc ResultState[functions.Length] : new ResultState[functions.Length];
        Span<decimal> attainments = functions.Length <= 64 ? stackalloc decimal[functions.Length] : new decimal[functions.Length];
        for (var fi = 0; fi < functions.Length; fi++)
        {
            var f = functions[fi];
            ResultState state;
            FunctionEntry entry;
            if (f.Measures.Length == 0)
            {
                entry = OfferedFunction(f, in ctx);
                (state, attainments[fi]) = (entry.State, entry.Attainment);
            }
            else
            {
                entry = MeasuredFunction(f, in ctx, out state, out attainments[fi]);
            }

            // No covariance checks: they would read the shared (often cold) objects.
            Unsafe.Add(ref result0, fi) = entry.Result;
            Unsafe.Add(ref entry0, fi) = entry;
            states[fi] = state;
            Count(state, ref met, ref pending, ref undecided);
            failed += state == ResultState.NotMet ? 1 : 0;
            mask |= (uint)(state switch
            {
                ResultState.Met => 1,
                ResultState.MissingData or ResultState.PendingReview => 2,
                ResultState.NotMet => 3,
                _ => 0,
            }) << (2 * fi);
        }

        var overall = Overall(met, pending, undecided);
        var labels = Labels(entries, mask);
        List<string>? missingFacts = null;
        if (overall == ResultState.MissingData)
        {
            missingFacts = [];
            foreach (var f in results)
            {
                if (f.State is ResultState.MissingData or ResultState.PendingReview)
                {
                    foreach (var m in f.Measures)
                    {
                        missingFacts.AddRange(m.MissingFacts);
                    }
                }
            }
        }

        return new ConditionResult
        {
            ConditionId = Id,
            Citation = Citation,
            Requirement = Requirement,
            State = overall,
            Required = required,
            Actual = actualTexts[met, undecided] ??= $"达到 {met} 项" + (undecided > 0 ? $"，待定 {undecided} 项" : string.Empty),
            Shortfall = overall == ResultState.NotMet ? shortBy.Get(k - met) : overall == ResultState.MissingData ? "需补充服务功能数据" : null,
            MissingFacts = missingFacts is not null ? missingFacts : [],
            Group = new KOfNSummary(k, functions.Length, labels.Counting, labels.Waiting, labels.Failing,
                overall == ResultState.Met ? [] : Closest(entries, states, attainments, met, failed), results),
            Checklist = Checklist,
            IsQuantitative = IsQuantitative,
        };
    }

    /// <summary>A function without volumes: offered (review), not offered, or not stated; one shared result each.</summary>
    private static FunctionEntry OfferedFunction(FunctionPlan f, in EvalContext ctx)
    {
        var req = f.Function;
        var offered = ctx.Facts[f.OfferedSlot];
        var state = Offered(offered);
        var key = state == ResultState.PendingReview ? 0 : state == ResultState.NotMet ? 1 : 2;
        var pseudo = f.OfferedResults.Find(key, offered?.Source, out var at) ?? f.OfferedResults.Keep(key, at, new ConditionResult
        {
            ConditionId = f.StateId,
            Citation = req.Citation,
            Requirement = f.OfferedRequirement!,
            State = state,
            Actual = offered?.AsBoolean switch { true => "提供", false => "未提供", _ => null },
            Source = offered?.Source,
            MissingFacts = state == ResultState.MissingData ? [f.OfferedKey!] : [],
            Shortfall = state == ResultState.MissingData ? f.OfferedShortfall : null,
            Checklist = req.Checklist,
            IsQuantitative = false,
        });
        if (at >= 0 && f.OfferedShared[at] is { } e && ReferenceEquals(e.M0, pseudo))
        {
            return e;
        }

        ConditionResult[] measures = [pseudo];
        var made = new FunctionEntry(measures, new FunctionResult(req.Function, req.Label, req.Citation, state, measures,
            state == ResultState.NotMet ? 0 : null, req.Checklist));
        if (at >= 0)
        {
            f.OfferedShared[at] = made;
        }

        return made;
    }

    /// <summary>A function with volumes: its measures, and the result shared while they are the same shared results.</summary>
    private static FunctionEntry MeasuredFunction(FunctionPlan f, in EvalContext ctx, out ResultState functionState, out decimal attainment)
    {
        var measures = f.Measures;
        ConditionResult? r0 = null, r1 = null;
        ConditionResult[]? many = measures.Length > 2 ? new ConditionResult[measures.Length] : null;
        bool notMet = false, missing = false, review = false, shared = true;
        uint hash = 0;
        for (var mi = 0; mi < measures.Length; mi++)
        {
            var r = measures[mi].Explain(in ctx, out var state, out var at);
            shared &= at >= 0;
            hash = (hash * 0x9E3779B1u) + (uint)at;
            if (mi == 0)
            {
                r0 = r;
            }
            else if (mi == 1)
            {
                r1 = r;
            }

            if (many is not null)
            {
                many[mi] = r;
            }

            NodeCompiler.Note(state, ref notMet, ref missing, ref review);
        }

        var free = -1;
        if (shared && f.Slots!.Find(hash, r0!, r1, many, out free, out functionState, out attainment) is { } e)
        {
            return e;
        }

        var fresh = many ?? (measures.Length == 1 ? [r0!] : [r0!, r1!]);

        // Share of the required volume reached, averaged over measures.
        decimal sum = 0;
        var fractions = 0;
        for (var mi = 0; mi < measures.Length; mi++)
        {
            if (measures[mi].Value(in ctx) is { } actual && f.BoundValues[mi] > 0)
            {
                sum += Math.Min(1m, actual / f.BoundValues[mi]);
                fractions++;
            }
        }

        var req = f.Function;
        var made = new FunctionEntry(fresh, new FunctionResult(req.Function, req.Label, req.Citation, NodeCompiler.Combine(notMet, missing, review), fresh,
            fractions == measures.Length ? sum / fractions : null, req.Checklist));
        if (shared)
        {
            f.Slots!.Keep(free, made);
        }

        functionState = made.State;
        attainment = made.Attainment;
        return made;
    }

    /// <summary>The labels by state, shared for each combination of the functions' states.</summary>
    private LabelSet Labels(FunctionEntry[] entries, uint mask)
    {
        var index = (int)((mask * 0x9E3779B1u) >> 24);
        var cacheable = entries.Length <= 16;
        if (cacheable && labelSets[index] is { } l && l.Mask == mask)
        {
            return l;
        }

        int met = 0, waiting = 0, failed = 0;
        foreach (var f in entries)
        {
            switch (f.State)
            {
                case ResultState.Met: met++; break;
                case ResultState.MissingData or ResultState.PendingReview: waiting++; break;
                case ResultState.NotMet: failed++; break;
            }
        }

        var counting = met == 0 ? [] : new string[met];
        var waits = waiting == 0 ? [] : new string[waiting];
        var failing = failed == 0 ? [] : new string[failed];
        var (ci, wi, fi) = (0, 0, 0);
        foreach (var f in entries)
        {
            switch (f.State)
            {
                case ResultState.Met: counting[ci++] = f.Result.Label; break;
                case ResultState.MissingData or ResultState.PendingReview: waits[wi++] = f.Result.Label; break;
                case ResultState.NotMet: failing[fi++] = f.Result.Label; break;
            }
        }

        var made = new LabelSet(mask, counting, waits, failing);
        if (cacheable)
        {
            labelSets[index] = made;
        }

        return made;
    }

    private static string ClosestText(FunctionResult f)
    {
        var parts = new List<string>(f.Measures.Count);
        foreach (var m in f.Measures)
        {
            if (m.Shortfall is not null)
            {
                parts.Add(m.Shortfall);
            }
        }

        return $"{f.Label}：" + string.Join("，", parts);
    }

    /// <summary>The failed functions nearest their thresholds, nearest first (stable), as many as are still lacking.</summary>
    private string[] Closest(FunctionEntry[] entries, ReadOnlySpan<ResultState> states, ReadOnlySpan<decimal> attainments, int met, int failed)
    {
        Span<int> order = failed <= 64 ? stackalloc int[failed] : new int[failed];
        var count = 0;
        for (var fi = 0; fi < entries.Length; fi++)
        {
            if (states[fi] != ResultState.NotMet)
            {
                continue;
            }

            // Insertion sort, descending by attainment, equal ones kept in order.
            var a = attainments[fi];
            var i = count++;
            while (i > 0 && attainments[order[i - 1]] < a)
            {
                order[i] = order[i - 1];
                i--;
            }

            order[i] = fi;
        }

        var take = Math.Min(count, Math.Max(1, k - met));
        var list = new string[take];
        for (var i = 0; i < take; i++)
        {
            var e = entries[order[i]];
            list[i] = e.Closest ??= ClosestText(e.Result);
        }

        return list;
    }
}
