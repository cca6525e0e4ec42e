using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>What the submission check reads besides the ledger: the unit's standing, the carrier's admission, the receipt's recipients.</summary>
public sealed record CheckReads(ApplyVerdict Standing, IReadOnlyList<string> Refusals, IReadOnlyList<Guid> Recipients);

/// <summary>
/// What a submission reads that its own transaction does not write — the carrier's ledger records for the profile, and
/// the unit's standing, the carrier's admission and the active users to tell — read on two connections of their own
/// while the transaction does its other work (storing a file, reading the draft's materials). At read committed every
/// statement sees what was committed when it started, on either connection, so reading them beside the transaction sees
/// what reading them inside it would; only the draft's own uncommitted rows (its materials) must be read inside, and are.
/// A version with a locked report submits the locked data, so its ledger is not read (<see cref="Records"/> is null).
/// </summary>
public sealed class ReadsAside : IAsyncDisposable
{
    private readonly AsyncServiceScope? ledgerScope;
    private readonly AsyncServiceScope checkScope;

    private ReadsAside(IServiceScopeFactory scopes, ApplicationFile f, DateOnly today, CancellationToken ct)
    {
        Today = today;
        if (f.Current.LockedJson is null)
        {
            var scope = scopes.CreateAsyncScope();
            ledgerScope = scope;
            Records = scope.ServiceProvider.GetRequiredService<LedgerMetricsQuery>().RecordsAsync(f.Carrier, f.Current.ProfileYear, ct);
        }
        checkScope = scopes.CreateAsyncScope();
        Check = ReadCheckAsync(checkScope.ServiceProvider, f, today, ct);
    }

    /// <summary>The Beijing date the reads were made for; the check uses the same.</summary>
    public DateOnly Today { get; }
    public Task<CarrierRecords>? Records { get; }
    public Task<CheckReads> Check { get; }

    public static ReadsAside Start(IServiceScopeFactory scopes, ApplicationFile f, TimeProvider clock, CancellationToken ct) =>
        new(scopes, f, ChinaTime.Today(clock), ct);

    private static async Task<CheckReads> ReadCheckAsync(IServiceProvider services, ApplicationFile f, DateOnly today, CancellationToken ct)
    {
        var db = services.GetRequiredService<ExemplarDbContext>();
        var organizationId = f.Application.OrganizationId;
        var standing = await OrganizationStanding.MayApplyAsync(db, organizationId, ct);
        var refusals = await services.GetRequiredService<ApplicationAdmission>().RefusalsAsync(f.Call, f.Carrier, today, ct);
        var users = await db.Set<UserAccount>().AsNoTracking().Where(u => u.OrganizationId == organizationId && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        return new CheckReads(standing, refusals, users);
    }

    /// <summary>Waits for the reads (their outcome matters only to a caller that awaited them) before their contexts go.</summary>
    public async ValueTask DisposeAsync()
    {
        try { if (Records is not null) await Records; }
        catch (Exception) { /* observed by the caller when it used them; otherwise unused */ }
        try { await Check; }
        catch (Exception) { /* likewise */ }
        if (ledgerScope is { } scope) await scope.DisposeAsync();
        await checkScope.DisposeAsync();
    }
}
