using System.Threading.RateLimiting;

namespace Exemplar.Web.Infrastructure.Data;

/// <summary>
/// Admission for units of work that hold a pooled connection in a transaction while they open more beside it — a
/// submission reads beside its transaction on two more (<see cref="Features.Applications.ReadsAside"/>) and writes its
/// last file's bytes on a fourth (<see cref="Files.StagedContent"/>); a material's upload uses two. Unbounded, a burst of
/// such units takes every connection of the pool as first connections, each unit then waiting for a second that none
/// gives back: all of them stall until the pool's timeout (15 s) and start over — seen in the deadline-rush benchmark
/// after a 2-second stall. So at most half the pool goes to them: pool size ÷ (2 × <see cref="MostPerUnit"/>) at once
/// (12 with Npgsql's default of 100 connections), and no more than two per processor, since a unit's work is CPU here
/// and in the database and more of them at once than the processors can run only adds contention (in the deadline-rush
/// benchmark on 2 processors with 11 at once, four bursts in seven tipped over; bench/RESULTS.md). The others wait their
/// turn in order of arrival, holding no connection.
/// </summary>
public sealed class ConnectionsBeside : IDisposable
{
    /// <summary>The most connections one unit holds at once: its transaction's, two for reads beside it, one for a file's bytes.</summary>
    public const int MostPerUnit = 4;

    /// <summary>Waiting units beyond this are refused (each may hold a request's upload of up to tens of megabytes in memory).</summary>
    public const int MostWaiting = 1000;

    public const string Busy = "当前同时提交的人数过多，系统未能受理本次操作，请稍后重试（未保存任何内容）。";

    private readonly ConcurrencyLimiter limiter;

    public ConnectionsBeside(int maxPoolSize, int processors)
    {
        Units = Math.Max(1, Math.Min(maxPoolSize / (2 * MostPerUnit), 2 * processors));
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Units, QueueLimit = MostWaiting, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public int Units { get; }

    /// <summary>A place for one unit, released when disposed; null when <see cref="MostWaiting"/> units wait already.</summary>
    public async ValueTask<RateLimitLease?> EnterAsync(CancellationToken ct)
    {
        var lease = await limiter.AcquireAsync(1, ct);
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        return null;
    }

    public void Dispose() => limiter.Dispose();
}
