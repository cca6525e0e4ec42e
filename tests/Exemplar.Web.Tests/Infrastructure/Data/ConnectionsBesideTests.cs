using Exemplar.Web.Infrastructure.Data;

namespace Exemplar.Web.Tests.Infrastructure.Data;

/// <summary>
/// The admission of units that hold several connections at once: never more of them than half the pool can serve at
/// four connections each, nor more than two per processor, the rest served in order of arrival.
/// </summary>
public sealed class ConnectionsBesideTests
{
    [Theory]
    [InlineData(100, 16, 12)] // Npgsql's default pool: 12 units use at most 48 connections
    [InlineData(90, 16, 11)]  // the deadline-rush benchmark's pool per instance
    [InlineData(100, 2, 4)]   // two processors: four at once, whatever the pool
    [InlineData(100, 8, 12)]  // eight processors: the pool's half is the tighter bound
    [InlineData(8, 4, 1)]
    [InlineData(3, 1, 1)]     // a pool smaller than one unit still lets one through (its connections come one after another)
    public void Half_the_pool_at_four_connections_a_unit_and_two_a_processor(int maxPoolSize, int processors, int units) =>
        Assert.Equal(units, new ConnectionsBeside(maxPoolSize, processors).Units);

    [Fact]
    public async Task When_every_place_is_taken_the_next_units_wait_and_enter_in_order_of_arrival()
    {
        using var gate = new ConnectionsBeside(8, 4);
        var first = await gate.EnterAsync(default);
        Assert.NotNull(first);
        // Three units arrive one after another while the only place is taken: none of them enters.
        var waiting = new[] { 1, 2, 3 }.Select(i => (Arrived: i, Entered: gate.EnterAsync(default).AsTask())).ToList();
        await Task.Delay(200);
        Assert.All(waiting, w => Assert.False(w.Entered.IsCompleted));

        // Each place given back lets in the one that came first, and only that one.
        first!.Dispose();
        foreach (var (arrived, entered) in waiting)
        {
            using var place = await entered;
            Assert.NotNull(place);
            Assert.All(waiting.Where(w => w.Arrived > arrived), w => Assert.False(w.Entered.IsCompleted));
        }
    }

    [Fact]
    public async Task Beyond_the_waiting_limit_a_unit_is_refused_at_once()
    {
        using var gate = new ConnectionsBeside(8, 4);
        using var inside = await gate.EnterAsync(default);
        using var cancel = new CancellationTokenSource();
        var queued = Enumerable.Range(0, ConnectionsBeside.MostWaiting).Select(_ => gate.EnterAsync(cancel.Token).AsTask()).ToArray();
        Assert.Null(await gate.EnterAsync(default));
        await cancel.CancelAsync();
        foreach (var q in queued) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => q);
    }
}
