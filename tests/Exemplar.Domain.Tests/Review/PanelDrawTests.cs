using Exemplar.Domain.Review;

namespace Exemplar.Domain.Tests.Review;

public sealed class PanelDrawTests
{
    private static Guid Id(int i) => new(i, 0, 0, new byte[8]);
    private static readonly Guid[] Pool = Enumerable.Range(1, 12).Select(Id).ToArray();
    private static readonly Guid AppA = new("0198a000-0000-7000-8000-000000000001");
    private static readonly Guid AppB = new("0198a000-0000-7000-8000-000000000002");

    private static DrawInput Input(IEnumerable<Guid> pool, int panel = 3, int reserves = 2) => new(pool.ToList(), new Dictionary<Guid, IReadOnlySet<Guid>>
    {
        [AppA] = new HashSet<Guid> { Id(1), Id(2) },
        [AppB] = new HashSet<Guid> { Id(7) },
    }, panel, reserves);

    [Fact]
    public void SplitMix64_gives_the_published_reference_sequence_for_seed_0()
    {
        // Reference outputs of SplitMix64 from state 0 (Vigna's splitmix64.c).
        var rng = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, rng.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.Next());
    }

    [Fact]
    public void A_small_draw_follows_the_generator_step_by_step()
    {
        // Pool 1,2,3 in canonical order; seed 0: first output mod 3 = 1 → position 1 (expert 2) is the panel;
        // second output is even, mod 2 = 0 → position 1 of [2,1,3] (expert 1) is the reserve.
        var input = new DrawInput([Id(3), Id(1), Id(2)], new Dictionary<Guid, IReadOnlySet<Guid>> { [AppA] = new HashSet<Guid>() }, 1, 1);
        var panel = Assert.Single(PanelDraw.Draw(input, 0));
        Assert.Equal([Id(2)], panel.Panel);
        Assert.Equal([Id(1)], panel.Reserves);
    }

    [Fact]
    public void The_same_seed_and_frozen_pool_give_the_same_panels_whatever_the_order_given()
    {
        var first = PanelDraw.Draw(Input(Pool), 20261130);
        var again = PanelDraw.Draw(Input(Pool.Reverse()), 20261130);
        Assert.Equal(first.Select(p => (p.ApplicationId, string.Join(",", p.Panel), string.Join(",", p.Reserves))),
            again.Select(p => (p.ApplicationId, string.Join(",", p.Panel), string.Join(",", p.Reserves))));
    }

    [Fact]
    public void Excluded_experts_are_never_drawn_and_nobody_sits_twice_on_one_panel()
    {
        for (ulong seed = 1; seed <= 200; seed++)
        {
            var panels = PanelDraw.Draw(Input(Pool), seed);
            var a = panels.Single(p => p.ApplicationId == AppA);
            var b = panels.Single(p => p.ApplicationId == AppB);
            Assert.DoesNotContain(Id(1), a.Panel.Concat(a.Reserves));
            Assert.DoesNotContain(Id(2), a.Panel.Concat(a.Reserves));
            Assert.DoesNotContain(Id(7), b.Panel.Concat(b.Reserves));
            Assert.Equal(5, a.Panel.Concat(a.Reserves).Distinct().Count());
            Assert.Equal(3, a.Panel.Count);
            Assert.Equal(2, b.Reserves.Count);
        }
    }

    [Fact]
    public void Another_seed_or_a_changed_pool_gives_another_draw()
    {
        string Text(IReadOnlyList<DrawnPanel> d) => string.Join("|", d.Select(p => string.Join(",", p.Panel)));
        var first = Text(PanelDraw.Draw(Input(Pool), 1));
        Assert.NotEqual(first, Text(PanelDraw.Draw(Input(Pool), 2)));
        Assert.NotEqual(first, Text(PanelDraw.Draw(Input(Pool.Append(Id(13))), 1)));
    }

    [Fact]
    public void A_pool_too_small_after_exclusions_is_refused_naming_the_application()
    {
        var input = Input(Pool.Take(6), panel: 3, reserves: 2); // AppA: 6 − 2 excluded = 4 < 5
        var problems = PanelDraw.Check(input, id => id == AppA ? "甲基地" : "乙基地");
        var p = Assert.Single(problems);
        Assert.Equal("甲基地：可抽取的专家只有4人（已回避2人），不足评审专家3人加备选2人。", p);
    }
}
