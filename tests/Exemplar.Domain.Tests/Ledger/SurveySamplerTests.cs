using Exemplar.Domain.Ledger;

namespace Exemplar.Domain.Tests.Ledger;

public sealed class SurveySamplerTests
{
    private static readonly Guid[] Population = Enumerable.Range(1, 45).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();

    [Theory]
    [InlineData(45, 10, 5)]   // 4.5 rounded up (昆明: 不少于10%)
    [InlineData(40, 10, 4)]
    [InlineData(1, 10, 1)]
    [InlineData(0, 10, 0)]
    [InlineData(7, 100, 7)]
    public void Sample_size_is_the_share_rounded_up(int n, int share, int expected) => Assert.Equal(expected, SurveySampler.SizeFor(n, share));

    [Fact]
    public void Same_seed_and_population_give_the_same_sample_whatever_the_input_order()
    {
        var first = SurveySampler.Draw(Population, 10, 20251121);
        var again = SurveySampler.Draw(Population.Reverse(), 10, 20251121);
        Assert.Equal(first, again);
        Assert.Equal(5, first.Count);
        Assert.Equal(5, first.Distinct().Count());
        Assert.All(first, g => Assert.Contains(g, Population));
    }

    [Fact]
    public void Different_seeds_give_different_samples() =>
        Assert.NotEqual(SurveySampler.Draw(Population, 10, 1), SurveySampler.Draw(Population, 10, 2));
}
