namespace Exemplar.Domain.Policies.Plans;

internal sealed class ThresholdNode : Node
{
    private readonly int slot;
    private readonly BoundText bound;
    private readonly string[] missingFacts;
    private readonly string missingShortfall;

    public ThresholdNode(string id, string citation, string requirement, IReadOnlyList<string> checklist, bool quantitative, string fact, Bound bound, FactTable table)
        : base(id, citation, requirement, checklist, quantitative)
    {
        slot = table.Slot(fact);
        this.bound = new BoundText(bound);
        missingFacts = [fact];
        missingShortfall = NeedToFill(fact);
    }

    private readonly ResultSlots byValue = new(512); // 1,536 slots of 32 bytes: below the large-object heap
    private ConditionResult? missing;

    /// <summary>The value read, for K-of-N attainment.</summary>
    public decimal? Value(in EvalContext ctx) => ctx.Facts[slot]?.AsNumber;

    public override ConditionResult Explain(in EvalContext ctx) => Explain(in ctx, out _, out _);

    public override ConditionResult Explain(in EvalContext ctx, out ResultState state) => Explain(in ctx, out state, out _);

    /// <summary>Positions of <see cref="Explain(in EvalContext, out ResultState, out int)"/>'s shared results: one per cache entry, and the missing result.</summary>
    public int SharedCount => byValue.Capacity + 1;

    /// <summary>
    /// The result and its state, and where it is kept while shared (below <see cref="SharedCount"/>; −1 when it is
    /// not shared): the same position and the same result object mean the same value from the same source.
    /// </summary>
    public ConditionResult Explain(in EvalContext ctx, out ResultState state, out int shared)
    {
        var fact = ctx.Facts[slot];
        if (fact?.AsNumber is not { } actual)
        {
            shared = byValue.Capacity;
            state = ResultState.MissingData;
            return missing ??= MissingResult(bound.Required, missingFacts, missingShortfall);
        }

        var key = ExplanationText.ValueKey(actual);
        shared = -1;
        if (key is { } k && byValue.Find(k, fact.Source, out shared, out state) is { } found)
        {
            return found;
        }

        var ok = bound.Holds(actual);
        state = ok ? ResultState.Met : ResultState.NotMet;
        var made = Result(state, bound.Required, bound.Actual(actual), fact.Source, ok ? null : bound.Shortfall(actual));
        return key is { } kept ? byValue.Keep(kept, shared, made) : made;
    }

    protected override ResultState State(in EvalContext ctx) =>
        ctx.Facts[slot]?.AsNumber is { } actual ? (bound.Holds(actual) ? ResultState.Met : ResultState.NotMet) : ResultState.MissingData;
}

/// <summary>
/// The enterprises of a division-counts fact registered in the region (北京第六条第（五）项 本市): the entries under one of
/// its prefixes. An entry coarser than a prefix cannot be split, so the count is missing data, never a guess.
/// </summary>
internal sealed class RegisteredCountNode : Node
{
    private readonly int slot;
    private readonly BoundText bound;
    private readonly string[] prefixes;
    private readonly string place;
    private readonly string unit;
    private readonly string required;
    private readonly string[] missingFacts;
    private readonly string missingShortfall;

    public RegisteredCountNode(ThresholdCondition t, RegionFilter region, FactTable table)
        : base(t.Id, t.Citation, t.Requirement, t.Checklist, t.IsQuantitative)
    {
        slot = table.Slot(t.Fact);
        bound = new BoundText(t.Bound);
        prefixes = [.. region.DivisionPrefixes];
        place = region.PlaceName;
        unit = t.Bound.Unit;
        required = $"注册在{region.PlaceName}的 {bound.Required}";
        missingFacts = [t.Fact];
        missingShortfall = $"需填报：{FactCatalogue.LabelOf(t.Fact)}（其中注册在{region.PlaceName}的家数）";
    }

    private bool IsCoarse(string division)
    {
        foreach (var p in prefixes)
        {
            if (p.Length > division.Length && p.StartsWith(division, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsInside(string division)
    {
        foreach (var p in prefixes)
        {
            if (division.StartsWith(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts inside and in all; false when an entry is coarser than the region.</summary>
    private bool Count(IReadOnlyList<DivisionCount> counts, out decimal inside, out decimal total)
    {
        inside = 0;
        total = 0;
        var coarse = false;
        for (var i = 0; i < counts.Count; i++)
        {
            var c = counts[i];
            coarse |= IsCoarse(c.Division);
            if (IsInside(c.Division))
            {
                inside += c.Count;
            }

            total += c.Count;
        }

        return !coarse;
    }

    public override ConditionResult Explain(in EvalContext ctx)
    {
        var fact = ctx.Facts[slot];
        if (fact?.AsDivisionCounts is not { } counts)
        {
            return MissingResult(required, missingFacts, missingShortfall);
        }

        if (!Count(counts, out var inside, out var total))
        {
            var coarse = new List<string>();
            foreach (var c in counts)
            {
                if (IsCoarse(c.Division))
                {
                    coarse.Add(c.Division);
                }
            }

            return MissingResult(required, missingFacts, $"按“{string.Join("、", coarse)}”统计的家数无法区分是否注册在{place}，需按更细的区划代码填报");
        }

        var ok = bound.Holds(inside);
        var actual = total == inside
            ? bound.Actual(inside)
            : $"{ExplanationText.Number(inside)}{unit}（另有注册在{place}以外的 {ExplanationText.Number(total - inside)}{unit}，不计入）";
        return Result(ok ? ResultState.Met : ResultState.NotMet, required, actual, fact.Source, ok ? null : bound.Shortfall(inside));
    }

    protected override ResultState State(in EvalContext ctx)
    {
        if (ctx.Facts[slot]?.AsDivisionCounts is not { } counts || !Count(counts, out var inside, out _))
        {
            return ResultState.MissingData;
        }

        return bound.Holds(inside) ? ResultState.Met : ResultState.NotMet;
    }
}

internal sealed class CarrierTypeNode : Node
{
    private readonly int slot;
    private readonly string required;
    private readonly bool openEnded;
    private readonly CarrierKind kind;
    private readonly (string Id, string Label, ResultState State, string? Shortfall)[] known;
    private readonly string[] missingFacts = ["carrierType"];
    private readonly string missingShortfall = NeedToFill("carrierType");
    private const string OpenNote = "原文所列载体后有“等”字，未列明的载体类型由认定机关判断是否可以申报";
    private readonly ResultSlots byType = new(CarrierTypes.All.Count);
    private ConditionResult? missing;

    public CarrierTypeNode(CarrierTypeCondition t, CarrierKind kind, FactTable table)
        : base(t.Id, t.Citation, t.Requirement, t.Checklist, t.IsQuantitative)
    {
        slot = table.Slot("carrierType");
        required = string.Join("、", t.Types.Select(x => x.Label)) + (t.OpenEnded ? "等载体" : string.Empty);
        openEnded = t.OpenEnded;
        this.kind = kind;
        known = CarrierTypes.All.Select(d =>
        {
            if (t.Types.Any(x => x.Type == d.Id))
            {
                return (d.Id, d.Label, ResultState.Met, (string?)null);
            }

            if (d.Kind != kind)
            {
                return (d.Id, d.Label, ResultState.NotMet, $"{d.Label}是{(d.Kind == CarrierKind.Platform ? "示范平台" : "示范基地")}类的申报主体，不能申报{(kind == CarrierKind.Platform ? "示范平台" : "示范基地")}");
            }

            return openEnded ? (d.Id, d.Label, ResultState.PendingReview, null) : (d.Id, d.Label, ResultState.NotMet, $"{d.Label}不在{t.Citation}所列可申报的载体之内");
        }).ToArray();
    }

    private int Find(string type)
    {
        for (var i = 0; i < known.Length; i++)
        {
            if (string.Equals(known[i].Id, type, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public override ConditionResult Explain(in EvalContext ctx) => Explain(in ctx, out _);

    public override ConditionResult Explain(in EvalContext ctx, out ResultState state)
    {
        var fact = ctx.Facts[slot];
        if (fact?.AsText is not { Length: > 0 } type)
        {
            state = ResultState.MissingData;
            return missing ??= MissingResult(required, missingFacts, missingShortfall);
        }

        var i = Find(type);
        if (i < 0)
        {
            // A type no text names: the label is the id itself.
            state = openEnded ? ResultState.PendingReview : ResultState.NotMet;
            return openEnded
                ? Result(ResultState.PendingReview, required, type, fact.Source, null) with { Note = OpenNote }
                : Result(ResultState.NotMet, required, type, fact.Source, $"{type}不在{Citation}所列可申报的载体之内");
        }

        state = known[i].State;
        if (byType.Find(i, fact.Source, out var free) is { } shared)
        {
            return shared;
        }

        var k = known[i];
        var r = Result(k.State, required, k.Label, fact.Source, k.Shortfall);
        return byType.Keep(i, free, k.State == ResultState.PendingReview ? r with { Note = OpenNote } : r);
    }

    protected override ResultState State(in EvalContext ctx)
    {
        if (ctx.Facts[slot]?.AsText is not { Length: > 0 } type)
        {
            return ResultState.MissingData;
        }

        var i = Find(type);
        return i >= 0 ? known[i].State : openEnded ? ResultState.PendingReview : ResultState.NotMet;
    }
}

internal sealed class RatioNode : Node
{
    private readonly int numerator;
    private readonly int denominator;
    private readonly string numeratorKey;
    private readonly string denominatorKey;
    private readonly BoundText bound;
    private readonly string required;
    private readonly string zeroShortfall;

    public RatioNode(RatioCondition r, FactTable table)
        : base(r.Id, r.Citation, r.Requirement, r.Checklist, r.IsQuantitative)
    {
        numerator = table.Slot(r.Numerator);
        denominator = table.Slot(r.Denominator);
        numeratorKey = r.Numerator;
        denominatorKey = r.Denominator;
        bound = new BoundText(r.Bound);
        required = $"{FactCatalogue.LabelOf(r.Numerator)}占{FactCatalogue.LabelOf(r.Denominator)} {bound.Required}";
        zeroShortfall = $"{FactCatalogue.LabelOf(r.Denominator)}为 0，无法计算比例";
    }

    private static decimal Percent(decimal num, decimal den) => Math.Round(num * 100m / den, 2, MidpointRounding.ToZero);

    public override ConditionResult Explain(in EvalContext ctx)
    {
        var num = ctx.Facts[numerator];
        var den = ctx.Facts[denominator];
        var n = num?.AsNumber;
        var d = den?.AsNumber;
        if (n is null || d is null)
        {
            string[] missing = n is null && d is null ? [numeratorKey, denominatorKey] : n is null ? [numeratorKey] : [denominatorKey];
            return MissingResult(required, missing, NeedToFill(missing));
        }

        if (d.Value == 0)
        {
            return MissingResult(required, [denominatorKey], zeroShortfall);
        }

        var hundredths = ExplanationText.PercentHundredths(n.Value, d.Value);
        var percent = hundredths is { } h ? ExplanationText.FromHundredths(h) : Percent(n.Value, d.Value);
        var source = num!.Source == den!.Source ? num.Source : num.Source + "/" + den.Source;
        var ok = bound.Holds(percent);
        var actual = string.Concat([hundredths is { } written ? ExplanationText.Hundredths(written) : ExplanationText.Number(percent), "%（", ExplanationText.Number(n.Value), "/", ExplanationText.Number(d.Value), "）"]);
        return Result(ok ? ResultState.Met : ResultState.NotMet, required, actual, source, ok ? null : bound.Shortfall(percent));
    }

    protected override ResultState State(in EvalContext ctx)
    {
        if (ctx.Facts[numerator]?.AsNumber is not { } n || ctx.Facts[denominator]?.AsNumber is not { } d || d == 0)
        {
            return ResultState.MissingData;
        }

        return bound.Holds(Percent(n, d)) ? ResultState.Met : ResultState.NotMet;
    }
}

internal sealed class DurationNode : Node
{
    private readonly int slot;
    private readonly int years;
    private readonly Comparison comparison;
    private readonly string yearsText;
    private readonly string requiredTail;
    private readonly string[] missingFacts;
    private readonly string missingShortfall;
    private readonly PhraseCache days = new(d => $"还差 {d} 天");
    private readonly DayTexts requiredByDay = new();

    public DurationNode(DurationCondition d, FactTable table)
        : base(d.Id, d.Citation, d.Requirement, d.Checklist, d.IsQuantitative)
    {
        slot = table.Slot(d.Fact);
        years = (int)d.Bound.Value;
        comparison = d.Bound.Comparison;
        yearsText = $" 满 {years} 年";
        requiredTail = $" 满 {years} 年（{d.Bound.QualifierWord}）";
        missingFacts = [d.Fact];
        missingShortfall = NeedToFill(d.Fact);
    }

    private bool Holds(DateOnly reference, DateOnly reached) => comparison switch
    {
        Comparison.AtLeast => reference >= reached,
        Comparison.GreaterThan => reference > reached,
        Comparison.LessThan => reference < reached,
        _ => reference <= reached,
    };

    public override ConditionResult Explain(in EvalContext ctx)
    {
        var reference = ctx.Profile.ReferenceDate;
        var fact = ctx.Facts[slot];
        var required = requiredByDay.Find(reference) ?? requiredByDay.Keep(reference, string.Concat("至 ", ExplanationText.Date(reference), requiredTail));
        if (fact?.AsDate is not { } since)
        {
            return MissingResult(required, missingFacts, missingShortfall);
        }

        var reached = DateArithmetic.AddYears(since, years, ctx.Rounding);
        var ok = Holds(reference, reached);
        var actual = string.Concat(["自 ", ExplanationText.Date(since), " 起，", ExplanationText.Date(reached), yearsText]);
        string? shortfall = null;
        if (!ok && comparison is Comparison.AtLeast or Comparison.GreaterThan)
        {
            shortfall = days.Get(reached.DayNumber - reference.DayNumber + (comparison == Comparison.GreaterThan ? 1 : 0));
        }

        return Result(ok ? ResultState.Met : ResultState.NotMet, required, actual, fact.Source, shortfall);
    }

    protected override ResultState State(in EvalContext ctx) =>
        ctx.Facts[slot]?.AsDate is { } since
            ? (Holds(ctx.Profile.ReferenceDate, DateArithmetic.AddYears(since, years, ctx.Rounding)) ? ResultState.Met : ResultState.NotMet)
            : ResultState.MissingData;
}

internal sealed class GrowthNode : Node
{
    private readonly int slot;
    private readonly string fact;
    private readonly BoundText bound;
    private readonly string required;
    private readonly string[] missingFacts;
    private readonly string missingShortfall;

    public GrowthNode(GrowthCondition g, FactTable table)
        : base(g.Id, g.Citation, g.Requirement, g.Checklist, g.IsQuantitative)
    {
        slot = table.Slot(g.Fact);
        fact = g.Fact;
        bound = new BoundText(g.Bound);
        required = $"最近一年比上年增长 {bound.Required}";
        missingFacts = [g.Fact];
        missingShortfall = $"需填报：{FactCatalogue.LabelOf(g.Fact)}（至少连续两个年度）";
    }

    private ConditionResult? missing;

    private static bool Usable(IReadOnlyList<YearValue>? series) => series is not null && series.Count >= 2 && series[^1].Year - series[^2].Year == 1;

    private static decimal Growth(YearValue previous, YearValue latest) =>
        Math.Round((latest.Value - previous.Value) * 100m / previous.Value, 2, MidpointRounding.ToZero);

    public override ConditionResult Explain(in EvalContext ctx)
    {
        var f = ctx.Facts[slot];
        var series = f?.AsSeries;
        if (!Usable(series))
        {
            return missing ??= MissingResult(required, missingFacts, missingShortfall);
        }

        var (previous, latest) = (series![^2], series[^1]);
        if (previous.Value == 0)
        {
            return MissingResult(required, [fact], $"{previous.Year} 年数值为 0，无法计算增长率");
        }

        // (latest − previous) / previous in percent: the same truncation in integers when both are whole numbers.
        var hundredths = previous.Value > 0 && ExplanationText.Key(latest.Value) is { } l && ExplanationText.Key(previous.Value) is { } p
            ? ExplanationText.PercentHundredths((decimal)l - p, p)
            : null;
        var growth = hundredths is { } h ? ExplanationText.FromHundredths(h) : Growth(previous, latest);
        var ok = bound.Holds(growth);
        var actual = string.Concat([
            ExplanationText.Number(latest.Year), " 年 ", ExplanationText.Number(latest.Value), "，",
            ExplanationText.Number(previous.Year), " 年 ", ExplanationText.Number(previous.Value), "，增长 ",
            hundredths is { } written ? ExplanationText.Hundredths(written) : ExplanationText.Number(growth), "%"]);
        return Result(ok ? ResultState.Met : ResultState.NotMet, required, actual, f!.Source, ok ? null : bound.Shortfall(growth));
    }

    protected override ResultState State(in EvalContext ctx)
    {
        var series = ctx.Facts[slot]?.AsSeries;
        if (!Usable(series) || series![^2].Value == 0)
        {
            return ResultState.MissingData;
        }

        return bound.Holds(Growth(series[^2], series[^1])) ? ResultState.Met : ResultState.NotMet;
    }
}

internal sealed class RegistrationNode : Node
{
    private readonly int slot;
    private readonly string[] prefixes;
    private readonly string required;
    private readonly string shortfall;
    private readonly string[] missingFacts;
    private readonly string missingShortfall;
    private ConditionResult? missing;
    private ConditionResult? last; // the last code of other characters seen

    public RegistrationNode(RegistrationCondition r, FactTable table)
        : base(r.Id, r.Citation, r.Requirement, r.Checklist, r.IsQuantitative)
    {
        slot = table.Slot(r.Fact);
        prefixes = [.. r.DivisionPrefixes];
        var place = r.Fact == "locationDivisionCode" ? "所在地" : "注册地";
        required = $"{place}在{r.PlaceName}（行政区划代码以 {string.Join("/", r.DivisionPrefixes)} 开头）";
        shortfall = $"{place}不在{r.PlaceName}";
        missingFacts = [r.Fact];
        missingShortfall = NeedToFill(r.Fact);
    }

    private bool Holds(string code)
    {
        foreach (var p in prefixes)
        {
            if (code.StartsWith(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public override ConditionResult Explain(in EvalContext ctx) => Explain(in ctx, out _);

    public override ConditionResult Explain(in EvalContext ctx, out ResultState state)
    {
        var fact = ctx.Facts[slot];
        if (fact?.AsText is not { Length: > 0 } code)
        {
            state = ResultState.MissingData;
            return missing ??= MissingResult(required, missingFacts, missingShortfall);
        }

        // A code of digits (every GB/T 2260 code) is its own key: the result is shared per code and source.
        var key = DigitsKey(code);
        var at = -1;
        if (key >= 0 && byCode.Find(key, fact.Source, out at, out state) is { } found)
        {
            return found;
        }

        if (key < 0 && last is { } l && string.Equals(l.Actual, code, StringComparison.Ordinal) && string.Equals(l.Source, fact.Source, StringComparison.Ordinal))
        {
            state = l.State;
            return l;
        }

        var ok = Holds(code);
        state = ok ? ResultState.Met : ResultState.NotMet;
        var made = Result(state, required, code, fact.Source, ok ? null : shortfall);
        return key >= 0 ? byCode.Keep(key, at, made) : last = made;
    }

    private readonly ResultSlots byCode = new(256);

    /// <summary>The length and value of a code of up to 12 digits, or −1.</summary>
    private static long DigitsKey(string code)
    {
        if (code.Length > 12)
        {
            return -1;
        }

        long value = 0;
        foreach (var c in code)
        {
            if (c is < '0' or > '9')
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return ((long)code.Length << 40) | value;
    }


    protected override ResultState State(in EvalContext ctx) =>
        ctx.Facts[slot]?.AsText is { Length: > 0 } code ? (Holds(code) ? ResultState.Met : ResultState.NotMet) : ResultState.MissingData;
}

internal sealed class LookbackNode : Node
{
    private readonly int slot;
    private readonly int years;
    private readonly string[] kinds;
    private readonly string kindsText;
    private readonly string noDeadlineRequired;
    private readonly string requiredTail;
    private readonly string[] missingFacts;
    private readonly string missingShortfall;
    private readonly PhraseCache none = new(n => $"期间无相关处罚（共申报 {n} 条处罚记录）");
    private static readonly string[] DeadlineFact = ["applicationDeadline"];
    private readonly ResultSlots metByDeadline = new(256);
    private readonly DayTexts requiredByDeadline = new(); // the rounding rule is the programme's: one start per deadline

    public LookbackNode(LookbackCondition l, FactTable table)
        : base(l.Id, l.Citation, l.Requirement, l.Checklist, l.IsQuantitative)
    {
        slot = table.Slot(l.Fact);
        years = l.Years;
        kinds = [.. l.DisqualifyingKinds];
        kindsText = string.Join("、", l.DisqualifyingKinds.Select(EligibilityEvaluator.PenaltyKindLabel));
        noDeadlineRequired = $"申请受理截止日期前 {l.Years} 年内无{kindsText}";
        requiredTail = "期间无" + kindsText;
        missingFacts = [l.Fact];
        missingShortfall = NeedToFill(l.Fact);
    }

    // Both ends count: "两年内" includes the day two years before the deadline and the deadline itself.
    private bool Hits(Penalty p, DateOnly start, DateOnly deadline) => Array.IndexOf(kinds, p.Kind) >= 0 && p.Date >= start && p.Date <= deadline;

    public override ConditionResult Explain(in EvalContext ctx) => Explain(in ctx, out _);

    public override ConditionResult Explain(in EvalContext ctx, out ResultState state)
    {
        state = ResultState.MissingData;
        if (ctx.Profile.ApplicationDeadline is not { } deadline)
        {
            return MissingResult(noDeadlineRequired, DeadlineFact, "需填写申报截止日期（处罚回溯期从该日往前计）");
        }

        var start = DateArithmetic.AddYears(deadline, -years, ctx.Rounding);
        var required = requiredByDeadline.Find(deadline)
            ?? requiredByDeadline.Keep(deadline, string.Concat(ExplanationText.Date(start), "至", ExplanationText.Date(deadline), requiredTail));
        var fact = ctx.Facts[slot];
        if (fact?.AsPenalties is not { } penalties)
        {
            return MissingResult(required, missingFacts, missingShortfall);
        }

        List<Penalty>? hits = null;
        foreach (var p in penalties)
        {
            if (Hits(p, start, deadline))
            {
                (hits ??= []).Add(p);
            }
        }

        if (hits is null)
        {
            state = ResultState.Met;
            var key = ((long)deadline.DayNumber << 20) | (uint)Math.Min(penalties.Count, (1 << 20) - 1);
            return metByDeadline.Find(key, fact.Source, out var free) ?? metByDeadline.Keep(key, free, Result(ResultState.Met, required, none.Get(penalties.Count), fact.Source, null));
        }

        state = ResultState.NotMet;
        var latest = hits[0].Date;
        var parts = new string[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            var h = hits[i];
            latest = h.Date > latest ? h.Date : latest;
            parts[i] = $"{ExplanationText.Date(h.Date)} {(h.Subject == Penalty.LegalRepresentative ? "法定代表人" : "运营单位")}受{EligibilityEvaluator.PenaltyKindLabel(h.Kind)}";
        }

        return Result(ResultState.NotMet, required, string.Join("；", parts), fact.Source,
            $"期内有 {hits.Count} 项{kindsText}，最早可在 {ExplanationText.Date(DateArithmetic.AddYears(latest, years, ctx.Rounding).AddDays(1))} 之后截止的批次申请");
    }

    protected override ResultState State(in EvalContext ctx)
    {
        if (ctx.Profile.ApplicationDeadline is not { } deadline || ctx.Facts[slot]?.AsPenalties is not { } penalties)
        {
            return ResultState.MissingData;
        }

        var start = DateArithmetic.AddYears(deadline, -years, ctx.Rounding);
        for (var i = 0; i < penalties.Count; i++)
        {
            if (Hits(penalties[i], start, deadline))
            {
                return ResultState.NotMet;
            }
        }

        return ResultState.Met;
    }
}

internal sealed class AttestationNode : Node
{
    private readonly int slot;
    private readonly bool evidenceRequired;
    private readonly string required;
    private readonly string[] missingFacts;
    private readonly string missingShortfall;
    private readonly string notMetShortfall;
    private readonly ResultSlots byState = new(2);
    private ConditionResult? missing;
    private readonly LastMet?[] lastMet = new LastMet?[4]; // by the number of evidence files

    private sealed record LastMet(string[] Evidence, ConditionResult Result);

    private static bool SameNames(string[] a, IReadOnlyList<string> b)
    {
        if (a.Length != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public AttestationNode(AttestationCondition a, FactTable table)
        : base(a.Id, a.Citation, a.Requirement, a.Checklist, a.IsQuantitative)
    {
        var key = FactCatalogue.AttestationKey(a.Attestation);
        slot = table.Slot(key);
        evidenceRequired = a.EvidenceRequired;
        required = a.EvidenceRequired ? "承诺并提供证明材料" : "承诺";
        missingFacts = [key];
        missingShortfall = NeedToFill(key);
        notMetShortfall = $"不具备：{FactCatalogue.LabelOf(key)}";
    }

    public override ConditionResult Explain(in EvalContext ctx) => Explain(in ctx, out _);

    public override ConditionResult Explain(in EvalContext ctx, out ResultState state)
    {
        var fact = ctx.Facts[slot];
        if (fact?.AsAttestation is not { } att)
        {
            state = ResultState.MissingData;
            return missing ??= MissingResult(required, missingFacts, missingShortfall);
        }

        if (!att.Value)
        {
            state = ResultState.NotMet;
            return byState.Find(0, fact.Source, out var free) ?? byState.Keep(0, free, Result(ResultState.NotMet, required, "否", fact.Source, notMetShortfall));
        }

        if (evidenceRequired && att.Evidence.Count == 0)
        {
            state = ResultState.MissingData;
            return byState.Find(1, fact.Source, out var free) ?? byState.Keep(1, free,
                Result(ResultState.MissingData, required, "已承诺，未附证明材料", fact.Source, "需上传证明材料") with { MissingFacts = missingFacts });
        }

        // Met: shared while the evidence names are those of the last one.
        state = ResultState.Met;
        var byCount = Math.Min(att.Evidence.Count, lastMet.Length - 1);
        if (lastMet[byCount] is { } l && string.Equals(l.Result.Source, fact.Source, StringComparison.Ordinal) && SameNames(l.Evidence, att.Evidence))
        {
            return l.Result;
        }

        var evidence = att.Evidence.Count == 1 ? att.Evidence[0] : string.Join("、", att.Evidence);
        var met = Result(ResultState.Met, required, string.Concat("是（证明：", evidence, "）"), fact.Source, null);
        lastMet[byCount] = new LastMet([.. att.Evidence], met);
        return met;
    }

    protected override ResultState State(in EvalContext ctx) => ctx.Facts[slot]?.AsAttestation switch
    {
        null => ResultState.MissingData,
        { Value: false } => ResultState.NotMet,
        { Evidence.Count: 0 } when evidenceRequired => ResultState.MissingData,
        _ => ResultState.Met,
    };
}

/// <summary>Qualitative: always for the reviewer. The result never changes, so it is made once.</summary>
internal sealed class ReviewNode(ReviewCondition r) : Node(r.Id, r.Citation, r.Requirement, r.Checklist, r.IsQuantitative)
{
    private ConditionResult? result;

    public override ConditionResult Explain(in EvalContext ctx) =>
        result ??= Result(ResultState.PendingReview, null, null, null, null) with { Note = "定性事项，由评审专家按要点判断" };

    public override ConditionResult Explain(in EvalContext ctx, out ResultState state)
    {
        state = ResultState.PendingReview;
        return Explain(in ctx);
    }

    protected override ResultState State(in EvalContext ctx) => ResultState.PendingReview;
}
