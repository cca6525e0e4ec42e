using Exemplar.Domain.Policies;

namespace Exemplar.Bench;

/// <summary>
/// Deterministic profiles around the programmes' thresholds (fixed seed). Profile i aims at programme i mod 5 and at
/// one outcome in turn: every quantitative condition of that programme just met (values on or one step past the bound),
/// one condition just missed (one step short), one condition's facts left out, or an undecided case (a function offered
/// without volumes, an unlisted carrier type, an attestation without evidence). Facts the target programme does not ask
/// for are drawn around the other programmes' thresholds, so those programmes see mixed outcomes too. Reference dates
/// include month ends after 29 February (the rounding rule) and the day a programme stops being in force.
/// </summary>
public sealed class ProfileGenerator
{
    private static readonly DateOnly[] ReferenceDates =
        [new(2026, 3, 31), new(2026, 2, 28), new(2025, 12, 31), new(2024, 2, 29), new(2026, 12, 3), new(2026, 12, 31)];

    private static readonly string[] PenaltyKinds = ["criminal", "seriousAdministrative", "administrative", "seriousDishonesty"];

    private readonly IReadOnlyList<PolicyVersion> policies;
    private readonly List<Condition> everyQuantitative;
    private Random random = new(0);
    private Dictionary<string, Fact> facts = new(StringComparer.Ordinal);
    private DateOnly reference;
    private DateOnly? deadline;

    public ProfileGenerator(IReadOnlyList<PolicyVersion> policies)
    {
        this.policies = policies;
        everyQuantitative = policies.SelectMany(p => p.Conditions).Where(c => c.IsQuantitative).ToList();
    }

    public static List<Profile> Generate(IReadOnlyList<PolicyVersion> policies, int count, int seed) =>
        new ProfileGenerator(policies).Generate(count, seed);

    public List<Profile> Generate(int count, int seed)
    {
        random = new Random(seed);
        var list = new List<Profile>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(One(i));
        }

        return list;
    }

    private Profile One(int i)
    {
        var target = policies[i % policies.Count];
        var intent = (i / policies.Count % 5) switch { 0 or 1 => 0, var x => x - 1 }; // met, met, one short, one left out, undecided
        facts = new Dictionary<string, Fact>(StringComparer.Ordinal);
        reference = ReferenceDates[random.Next(ReferenceDates.Length)];
        deadline = random.NextDouble() < 0.04 ? null : reference.AddDays(random.Next(0, 61));

        // Other programmes first (random pass/fail around their bounds), then the target overwrites what it asks.
        foreach (var c in everyQuantitative.OrderBy(_ => random.Next()))
        {
            Fill(c, policyOf(c), random.NextDouble() < 0.7);
        }

        foreach (var c in target.Conditions.Where(c => c.IsQuantitative))
        {
            Fill(c, target, pass: true);
        }

        var quantitative = target.Conditions.Where(c => c.IsQuantitative).ToList();
        switch (intent)
        {
            case 1:
                var failing = quantitative[random.Next(quantitative.Count)];
                Fill(failing, target, pass: false);
                break;
            case 2:
                Remove(quantitative[random.Next(quantitative.Count)]);
                break;
            case 3:
                Undecided(target, quantitative);
                break;
        }

        // A few facts of any programme left out, as a real form would.
        foreach (var key in facts.Keys.ToList())
        {
            if (key != "penalties" && random.NextDouble() < 0.001)
            {
                facts.Remove(key);
            }
        }

        return new Profile(reference, deadline, facts, $"bench-{i}");

        PolicyVersion policyOf(Condition c) => policies.First(p => p.Conditions.Contains(c));
    }

    private void Undecided(PolicyVersion target, List<Condition> quantitative)
    {
        var choice = random.Next(3);
        if (choice == 0 && quantitative.OfType<KOfNCondition>().FirstOrDefault() is { } k && k.Functions.Any(f => f.Measures.Count == 0))
        {
            // K−1 functions met, one offered without volumes: review decides.
            var order = k.Functions.OrderBy(_ => random.Next()).ToList();
            var open = order.First(f => f.Measures.Count == 0);
            var met = 0;
            foreach (var f in order)
            {
                var pass = f != open && f.Measures.Count > 0 && met < k.K - 1;
                met += pass ? 1 : 0;
                FillFunction(f, f == open ? true : pass);
            }

            return;
        }

        if (choice == 1 && target.Conditions.OfType<CarrierTypeCondition>().First() is { OpenEnded: true } t)
        {
            var unlisted = CarrierTypes.Of(target.Kind).Select(x => x.Id).Except(t.Types.Select(x => x.Type)).ToList();
            Set("carrierType", unlisted[random.Next(unlisted.Count)]);
            return;
        }

        var attestation = quantitative.OfType<AttestationCondition>().ToList();
        var a = attestation[random.Next(attestation.Count)];
        Set(FactCatalogue.AttestationKey(a.Attestation), new Attestation(true, []));
    }

    private void Set(string key, object value) =>
        facts[key] = new Fact(value, random.Next(4) switch { 0 => "ledger", 1 => "hand-entered", _ => "form" });

    private decimal Number(string key) => facts.TryGetValue(key, out var f) && f.AsNumber is { } n ? n : -1;

    /// <summary>A value on the bound or a step past it (pass), or a step short of it (fail).</summary>
    private decimal Around(Bound b, bool pass, decimal step)
    {
        var past = random.Next(3) switch { 0 => 0, 1 => step, _ => step * random.Next(1, 20) };
        return (b.Comparison, pass) switch
        {
            (Comparison.AtLeast, true) => b.Value + past,
            (Comparison.AtLeast, false) => b.Value - step * random.Next(1, 3),
            (Comparison.GreaterThan, true) => b.Value + step + past,
            (Comparison.GreaterThan, false) => b.Value - past,
            (Comparison.AtMost, true) => Math.Max(0, b.Value - past),
            (Comparison.AtMost, false) => b.Value + step * random.Next(1, 3),
            (Comparison.LessThan, true) => Math.Max(0, b.Value - step - past),
            _ => b.Value + past,
        };
    }

    private void Fill(Condition c, PolicyVersion policy, bool pass)
    {
        switch (c)
        {
            case CarrierTypeCondition t:
                var others = CarrierTypes.All.Where(x => t.Types.All(y => y.Type != x.Id)).ToList();
                Set("carrierType", pass || others.Count == 0 ? t.Types[random.Next(t.Types.Count)].Type : others[random.Next(others.Count)].Id);
                break;
            case RegistrationCondition r:
                var prefix = r.DivisionPrefixes[random.Next(r.DivisionPrefixes.Count)];
                string[] outside = ["110108", "371502", "530102", "540102", "130100", "371702"];
                var code = pass ? (prefix + "010203").Substring(0, 6) : outside.First(o => !r.DivisionPrefixes.Any(p => o.StartsWith(p, StringComparison.Ordinal)));
                Set(r.Fact, code);
                break;
            case ThresholdCondition { RegisteredIn: { } region } t:
                var inside = Math.Max(0, Around(t.Bound, pass, 1));
                var inPrefix = (region.DivisionPrefixes[0] + "0108").Substring(0, 6);
                var counts = new List<DivisionCount>();
                var split = random.Next((int)inside + 1);
                counts.Add(new DivisionCount(inPrefix, split));
                if (inside - split > 0)
                {
                    counts.Add(new DivisionCount((region.DivisionPrefixes[0] + "0105").Substring(0, 6), inside - split));
                }

                if (random.Next(3) == 0)
                {
                    counts.Add(new DivisionCount("130100", random.Next(1, 10)));
                }

                if (random.Next(5) == 0)
                {
                    counts.Add(new DivisionCount(region.DivisionPrefixes[0], random.Next(1, 5))); // given per province: counts inside
                }

                Set(t.Fact, counts);
                break;
            case ThresholdCondition t:
                Set(t.Fact, Around(t.Bound, pass, t.Bound.Unit == "%" && random.Next(2) == 0 ? 0.5m : 1));
                break;
            case RatioCondition r:
                var den = Number(r.Denominator);
                if (den <= 0 || random.Next(4) == 0)
                {
                    den = random.Next(1, 200);
                    Set(r.Denominator, (decimal)den);
                }

                var exact = Math.Ceiling(den * r.Bound.Value / 100m);
                var num = pass ? exact + (r.Bound.Comparison == Comparison.GreaterThan && exact * 100m / den == r.Bound.Value ? 1 : 0) + random.Next(0, 2)
                    : Math.Max(0, exact - 1 - random.Next(0, 2));
                if (pass && num > den && r.Bound.Value <= 100)
                {
                    num = den;
                }

                Set(r.Numerator, num);
                if (random.Next(40) == 0)
                {
                    Set(r.Denominator, 0m);
                }

                break;
            case DurationCondition d:
                var years = (int)d.Bound.Value;
                var since = reference.AddYears(-years);
                if (random.Next(5) == 0)
                {
                    since = new DateOnly(reference.Year - years - (reference.Month > 2 ? 0 : 1), 2, DateTime.IsLeapYear(reference.Year - years - (reference.Month > 2 ? 0 : 1)) ? 29 : 28);
                }

                since = pass ? since.AddDays(-random.Next(0, 3) * random.Next(0, 200)) : since.AddDays(random.Next(1, 40));
                Set(d.Fact, since);
                break;
            case GrowthCondition g:
                var previous = (decimal)random.Next(0, 400) + (random.Next(30) == 0 ? 0 : 1);
                var target = previous * (100m + g.Bound.Value) / 100m;
                var latest = pass ? Math.Ceiling(target) + (g.Bound.Comparison == Comparison.GreaterThan && Math.Ceiling(target) == target ? 1 : 0) + random.Next(0, 3)
                    : Math.Ceiling(target) - 1 - random.Next(0, 3);
                var year = reference.Year - 1;
                var series = new List<YearValue>();
                if (random.Next(3) == 0)
                {
                    series.Add(new YearValue(year - 2, random.Next(0, 300)));
                }

                series.Add(new YearValue(year - (random.Next(40) == 0 ? 2 : 1), previous));
                series.Add(new YearValue(year, Math.Max(0, latest)));
                Set(g.Fact, series);
                break;
            case LookbackCondition l:
                var penalties = new List<Penalty>();
                var anchor = deadline ?? reference;
                var start = DateArithmetic.AddYears(anchor, -l.Years, policy.DateRounding);
                for (var n = random.Next(0, 3); n > 0; n--)
                {
                    var kind = pass ? PenaltyKinds.Except(l.DisqualifyingKinds).First() : l.DisqualifyingKinds[random.Next(l.DisqualifyingKinds.Count)];
                    penalties.Add(new Penalty(start.AddDays(random.Next(0, anchor.DayNumber - start.DayNumber + 1)), kind, null, random.Next(2) == 0 ? Penalty.Unit : Penalty.LegalRepresentative));
                }

                if (pass && random.Next(3) == 0)
                {
                    penalties.Add(new Penalty(start.AddDays(-1), l.DisqualifyingKinds[0], null));
                }

                if (!pass)
                {
                    penalties.Add(new Penalty(random.Next(2) == 0 ? start : anchor, l.DisqualifyingKinds[random.Next(l.DisqualifyingKinds.Count)], null));
                }

                facts["penalties"] = new Fact(penalties, "form");
                break;
            case AttestationCondition a:
                Set(FactCatalogue.AttestationKey(a.Attestation), new Attestation(pass, random.Next(3) == 0 ? ["营业执照.pdf", "证明.pdf"] : ["证明.pdf"]));
                break;
            case AlternativesCondition a:
                var chosen = a.Branches[random.Next(a.Branches.Count)];
                foreach (var b in a.Branches)
                {
                    if (b.AppliesWhen is { } w && b == chosen)
                    {
                        Set(w.Fact, w.EqualsValue is "true" or "false" ? w.EqualsValue == "true" : w.EqualsValue);
                    }
                    else if (b.AppliesWhen is { } other && chosen.AppliesWhen is null && other.EqualsValue is "true")
                    {
                        Set(other.Fact, random.Next(2) == 0);
                    }
                }

                foreach (var inner in chosen.Conditions)
                {
                    Fill(inner, policy, pass);
                }

                break;
            case KOfNCondition k:
                var order = k.Functions.OrderBy(_ => random.Next()).ToList();
                var wanted = pass ? k.K + random.Next(0, 2) : k.K - 1 - random.Next(0, Math.Min(2, k.K));
                for (var n = 0; n < order.Count; n++)
                {
                    FillFunction(order[n], n < wanted);
                }

                break;
        }
    }

    private void FillFunction(FunctionRequirement f, bool pass)
    {
        if (f.Measures.Count == 0)
        {
            Set(FactCatalogue.FunctionKey(f.Function, "offered"), pass);
            return;
        }

        var shortOne = pass ? -1 : random.Next(f.Measures.Count);
        for (var m = 0; m < f.Measures.Count; m++)
        {
            var measure = f.Measures[m];
            Set(FactCatalogue.FunctionKey(f.Function, measure.Measure), Math.Max(0, Around(measure.Bound, m != shortOne, 1)));
        }
    }

    private void Remove(Condition c)
    {
        switch (c)
        {
            case CarrierTypeCondition:
                facts.Remove("carrierType");
                break;
            case RegistrationCondition r:
                facts.Remove(r.Fact);
                break;
            case ThresholdCondition t:
                facts.Remove(t.Fact);
                break;
            case RatioCondition r:
                facts.Remove(random.Next(2) == 0 ? r.Numerator : r.Denominator);
                break;
            case DurationCondition d:
                facts.Remove(d.Fact);
                break;
            case GrowthCondition g:
                facts[g.Fact] = new Fact(new List<YearValue> { new(reference.Year - 1, random.Next(1, 100)) }, "ledger");
                break;
            case LookbackCondition:
                deadline = null;
                break;
            case AttestationCondition a:
                facts.Remove(FactCatalogue.AttestationKey(a.Attestation));
                break;
            case AlternativesCondition a:
                foreach (var b in a.Branches)
                {
                    foreach (var inner in b.Conditions)
                    {
                        Remove(inner);
                    }
                }

                break;
            case KOfNCondition k:
                foreach (var f in k.Functions)
                {
                    foreach (var m in f.Measures)
                    {
                        if (random.Next(2) == 0)
                        {
                            facts.Remove(FactCatalogue.FunctionKey(f.Function, m.Measure));
                        }
                    }

                    facts.Remove(FactCatalogue.FunctionKey(f.Function, "offered"));
                }

                break;
        }
    }
}
