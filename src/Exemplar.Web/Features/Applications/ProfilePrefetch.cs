using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// The carrier's ledger records for the profile, read on a connection of their own while the submission's transaction
/// does its other work (loading, storing a file, the standing and admission checks). At read committed every statement
/// sees what was committed when it started, on either connection, so reading them beside the transaction sees what
/// reading them inside it would; only the draft's own uncommitted rows (its materials) must be read inside, and they are.
/// </summary>
public sealed class ProfilePrefetch : IAsyncDisposable
{
    private readonly AsyncServiceScope scope;

    private ProfilePrefetch(IServiceScopeFactory scopes, Carrier carrier, int year, CancellationToken ct)
    {
        scope = scopes.CreateAsyncScope();
        Records = scope.ServiceProvider.GetRequiredService<LedgerMetricsQuery>().RecordsAsync(carrier, year, ct);
    }

    public Task<CarrierRecords> Records { get; }

    public static ProfilePrefetch Start(IServiceScopeFactory scopes, Carrier carrier, int year, CancellationToken ct) => new(scopes, carrier, year, ct);

    /// <summary>Waits for the read (its outcome matters only to a caller that awaited it) before its context goes.</summary>
    public async ValueTask DisposeAsync()
    {
        try { await Records; }
        catch (Exception) { /* observed by the caller when it used the records; otherwise unused */ }
        await scope.DisposeAsync();
    }
}
