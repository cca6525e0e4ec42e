using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

/// <summary>
/// For every numeric threshold and ratio of every programme: at the threshold, one unit below, and missing.
/// The thresholds are those the seed citation test has checked against the text.
/// </summary>
public class ThresholdBoundaryTests
{
    public static IEnumerable<object[]> Thresholds()
    {
        foreach (var policy in PolicyFiles.All)
        {
            foreach (var c in policy.AllConditions().OfType<ThresholdCondition>())
            {
                yield return [policy.Id, c.Id];
            }
        }
    }

    public static IEnumerable<object[]> Measures()
    {
        foreach (var policy in PolicyFiles.All)
        {
            foreach (var k in policy.Conditions.OfType<KOfNCondition>())
            {
                foreach (var f in k.Functions)
                {
                    foreach (var m in f.Measures)
                    {
                        yield return [policy.Id, f.Function, m.Measure];
                    }
                }
            }
        }
    }

    private static Profile ApplicableProfile(string policyId, ThresholdCondition c)
    {
        var profile = PolicyFiles.BaseProfile(policyId);
        // Put the carrier in the branch the condition belongs to.
        return c.Id switch
        {
            "site-area-manufacturing" => profile.With("baseType", new Fact("manufacturing", "form")),
            "residents-high-end" => profile.With("highEndManufacturingBase", new Fact(true, "form")),
            _ => profile,
        };
    }

    private static decimal Step(Bound bound) => bound.Unit is "%" or "万元" ? 0.01m : 1m;

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void Threshold_at_one_below_and_missing(string policyId, string conditionId)
    {
        var policy = PolicyFiles.Get(policyId);
        var c = policy.AllConditions().OfType<ThresholdCondition>().Single(x => x.Id == conditionId);
        var profile = ApplicableProfile(policyId, c);
        // A count of enterprises registered in a region (北京 入驻本市小型、微型企业) is given per division.
        object Value(decimal v) => c.RegisteredIn is { } region
            ? new List<DivisionCount> { new(region.DivisionPrefixes[0].PadRight(6, '0'), v) }
            : v;
        ResultState StateWith(decimal? value) =>
            EligibilityEvaluator.Evaluate(policy, profile.With(c.Fact, value is null ? null : new Fact(Value(value.Value), "form"))).Find(conditionId)!.State;

        var below = c.Bound.Comparison == Comparison.AtMost ? c.Bound.Value + 1 : c.Bound.Value - Step(c.Bound);
        Assert.Equal(ResultState.Met, StateWith(c.Bound.Value));
        Assert.Equal(ResultState.NotMet, StateWith(below));
        Assert.Equal(ResultState.MissingData, StateWith(null));
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void Function_volume_at_one_below_and_missing(string policyId, string function, string measure)
    {
        var policy = PolicyFiles.Get(policyId);
        var k = policy.Conditions.OfType<KOfNCondition>().Single();
        var bound = k.Functions.Single(f => f.Function == function).Measures.Single(m => m.Measure == measure).Bound;
        var key = FactCatalogue.FunctionKey(function, measure);
        FunctionResult StateWith(decimal? value)
        {
            var profile = PolicyFiles.BaseProfile(policyId);
            foreach (var m in k.Functions.Single(f => f.Function == function).Measures)
            {
                profile = profile.With(FactCatalogue.FunctionKey(function, m.Measure), new Fact(m.Bound.Value, "form"));
            }

            profile = profile.With(key, value is null ? null : new Fact(value.Value, "ledger"));
            return EligibilityEvaluator.Evaluate(policy, profile).Find(k.Id)!.Group!.Functions.Single(f => f.Function == function);
        }

        Assert.Equal(ResultState.Met, StateWith(bound.Value).State);
        Assert.Equal(ResultState.NotMet, StateWith(bound.Value - 1).State);
        Assert.Equal(ResultState.MissingData, StateWith(null).State);
    }

    public static IEnumerable<object[]> Ratios()
    {
        foreach (var policy in PolicyFiles.All)
        {
            foreach (var c in policy.AllConditions().OfType<RatioCondition>())
            {
                yield return [policy.Id, c.Id];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ratios))]
    public void Ratio_at_the_percentage_just_below_and_missing_denominator(string policyId, string conditionId)
    {
        var policy = PolicyFiles.Get(policyId);
        var c = policy.AllConditions().OfType<RatioCondition>().Single(x => x.Id == conditionId);
        var profile = PolicyFiles.BaseProfile(policyId);
        if (conditionId == "concentration-high-end")
        {
            profile = profile.With("highEndManufacturingBase", new Fact(true, "form")).With("residentSmallMicroByRegistration", new Fact(new List<DivisionCount> { new("110108", 40) }, "form"));
        }

        ResultState StateWith(decimal numerator, decimal? denominator) =>
            EligibilityEvaluator.Evaluate(policy, profile
                .With(c.Numerator, new Fact(numerator, "form"))
                .With(c.Denominator, denominator is null ? null : new Fact(denominator.Value, "form"))).Find(conditionId)!.State;

        Assert.Equal(ResultState.Met, StateWith(c.Bound.Value * 10, 1000));
        Assert.Equal(ResultState.NotMet, StateWith(c.Bound.Value * 10 - 1, 1000));
        Assert.Equal(ResultState.MissingData, StateWith(c.Bound.Value * 10, null));
        Assert.Equal(ResultState.MissingData, StateWith(0, 0));
    }
}
