using System.Diagnostics;
using Npgsql;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>
/// Writes a running job's progress (rows and bytes read) on a connection of its own, outside the import's
/// transaction, so the progress page sees it while nothing is committed yet. Writes at most every
/// <see cref="Interval"/> and at least that often while data flows, which is also the job's heartbeat: a job
/// that stops writing for <see cref="ImportStatus.StaleAfter"/> was interrupted.
/// </summary>
public sealed class ImportProgress(string connectionString, Guid jobId, TimeProvider clock) : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private NpgsqlConnection? _conn;
    private long _last; // 0: the first report is written at once

    public async Task ReportAsync(long rows, long bytes, CancellationToken ct)
    {
        if (Stopwatch.GetElapsedTime(_last) < Interval) return;
        _last = Stopwatch.GetTimestamp();
        if (_conn is null)
        {
            _conn = new NpgsqlConnection(connectionString);
            await _conn.OpenAsync(ct);
        }
        await ImportJobWriter.ProgressAsync(_conn, jobId, rows, bytes, clock.GetUtcNow(), ct);
    }

    /// <summary>The connection progress goes over (opened on first use), for writing the outcome of a rejected file.</summary>
    public async Task<NpgsqlConnection> ConnectionAsync(CancellationToken ct)
    {
        if (_conn is null)
        {
            _conn = new NpgsqlConnection(connectionString);
            await _conn.OpenAsync(ct);
        }
        return _conn;
    }

    public async ValueTask DisposeAsync()
    {
        if (_conn is not null) await _conn.DisposeAsync();
    }
}
