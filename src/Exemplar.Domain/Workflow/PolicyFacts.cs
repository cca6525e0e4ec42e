using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Workflow;

/// <summary>The facts a programme's conditions read, in the order the conditions name them: what an application asks for.</summary>
public static class PolicyFacts
{
    public static IReadOnlyList<string> Of(PolicyVersion policy)
    {
        var keys = new List<string>();
        void Add(string key)
        {
            if (!keys.Contains(key)) keys.Add(key);
        }
        void Walk(IEnumerable<Condition> conditions)
        {
            foreach (var c in conditions)
            {
                switch (c)
                {
                    case ThresholdCondition t: Add(t.Fact); break;
                    case RatioCondition r: Add(r.Numerator); Add(r.Denominator); break;
                    case DurationCondition d: Add(d.Fact); break;
                    case GrowthCondition g: Add(g.Fact); break;
                    case RegistrationCondition r: Add(r.Fact); break;
                    case CarrierTypeCondition: Add("carrierType"); break;
                    case LookbackCondition l: Add(l.Fact); break;
                    case AttestationCondition a: Add(FactCatalogue.AttestationKey(a.Attestation)); break;
                    case AlternativesCondition alt:
                        foreach (var b in alt.Branches)
                        {
                            if (b.AppliesWhen is { } w) Add(w.Fact);
                            Walk(b.Conditions);
                        }
                        break;
                    case KOfNCondition k:
                        foreach (var f in k.Functions)
                        {
                            if (f.Measures.Count == 0) Add(FactCatalogue.FunctionKey(f.Function, "offered"));
                            foreach (var m in f.Measures) Add(FactCatalogue.FunctionKey(f.Function, m.Measure));
                        }
                        break;
                }
            }
        }
        Walk(policy.Conditions);
        return keys;
    }
}
