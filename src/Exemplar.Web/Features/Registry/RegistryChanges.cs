using Exemplar.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;

namespace Exemplar.Web.Features.Registry;

/// <summary>The registry's current revision as this instance last heard it (from <see cref="RegistryChangeListener"/>).</summary>
public sealed class RegistryState(TimeProvider clock)
{
    private long _revision;
    private DateTimeOffset _changedAt;

    public long Revision => Interlocked.Read(ref _revision);
    public DateTimeOffset ChangedAt => _changedAt;

    public void Set(long revision, DateTimeOffset changedAt)
    {
        _changedAt = changedAt;
        Interlocked.Exchange(ref _revision, revision);
    }

    /// <summary>Statuses change by themselves at 00:00 Beijing time, so the validator carries the day as well as the revision.</summary>
    public string ETag => $"\"r{Revision}-{ChinaTime.Today(clock):yyyyMMdd}\"";

    /// <summary>The later of the last change and the start of today in Beijing (when statuses last moved by themselves).</summary>
    public DateTimeOffset LastModified
    {
        get
        {
            var today = ChinaTime.Today(clock).ToDateTime(TimeOnly.MinValue);
            var midnight = new DateTimeOffset(today, ChinaTime.Zone.GetUtcOffset(today));
            var last = _changedAt > midnight ? _changedAt : midnight;
            return new DateTimeOffset(last.UtcDateTime.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        }
    }
}

/// <summary>
/// Listens on PostgreSQL's <c>registry_changed</c> channel (the triggers of migration Registry notify it in the changing
/// transaction) and evicts this instance's cached registry responses, so a revocation shows everywhere at once. Reconnects
/// after a lost connection, and then evicts too (a change may have been missed meanwhile).
/// </summary>
public sealed class RegistryChangeListener(IConfiguration configuration, RegistryState state, IOutputCacheStore cache, ILogger<RegistryChangeListener> log)
    : BackgroundService
{
    public const string Tag = "registry";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(configuration.GetConnectionString("Default"));
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => _ = RefreshAsync(connection.ConnectionString, CancellationToken.None);
                await using (var listen = new NpgsqlCommand($"LISTEN {RegistryRevision.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                await RefreshAsync(connection.ConnectionString, stoppingToken);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                log.LogWarning(e, "Registry change listener lost its connection; retrying");
                try { await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task RefreshAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(configuration.GetConnectionString("Default") ?? connectionString);
            await connection.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT revision, changed_at FROM registry_revisions WHERE id = 1", connection);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct)) state.Set(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1));
            await cache.EvictByTagAsync(Tag, ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            log.LogWarning(e, "Registry revision could not be read");
        }
    }
}
