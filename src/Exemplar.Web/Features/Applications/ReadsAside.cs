using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>What the submission check reads besides the ledger: the unit's standing, the carrier's admission and the receipt's recipients.</summary>
public sealed record CheckReads(ApplyVerdict Standing, IReadOnlyList<string> Refusals, IReadOnlyList<Guid> Recipients);

/// <summary>The carrier's records for one profile year, as read beside the transaction.</summary>
public sealed record LedgerReads(Guid CarrierId, int ProfileYear, CarrierRecords Records);

/// <summary>
/// What a submission reads that its own transaction does not write — the carrier's ledger records for the profile, and
/// the unit's standing, the carrier's admission and the active users to tell — read on two connections of their own,
/// from the moment the request is let in, while the transaction loads the draft and does its other work. At read
/// committed every statement sees what was committed when it started, on either connection, so reading them beside the
/// transaction sees what reading them inside it would; only the draft's own uncommitted rows (its materials) must be
/// read inside, and are. The application is looked up by id on each connection: a read for an application that is not
/// there, or not the caller's, is read and dropped, never shown. The ledger's records are for the carrier and profile
/// year read here; the caller uses them only when its transaction loaded the same (<see cref="RecordsFor"/>).
/// </summary>
public sealed class ReadsAside : IAsyncDisposable
{
    private readonly AsyncServiceScope ledgerScope;
    private readonly AsyncServiceScope checkScope;

    private ReadsAside(IServiceScopeFactory scopes, Guid applicationId, DateOnly today, CancellationToken ct)
    {
        Today = today;
        ledgerScope = scopes.CreateAsyncScope();
        Ledger = ReadLedgerAsync(ledgerScope.ServiceProvider, applicationId, ct);
        checkScope = scopes.CreateAsyncScope();
        Check = ReadCheckAsync(checkScope.ServiceProvider, applicationId, today, ct);
    }

    /// <summary>The Beijing date the reads were made for; the check uses the same.</summary>
    public DateOnly Today { get; }

    /// <summary>Null when the application was not found.</summary>
    public Task<LedgerReads?> Ledger { get; }

    /// <summary>Null when the application was not found.</summary>
    public Task<CheckReads?> Check { get; }

    public static ReadsAside Start(IServiceScopeFactory scopes, Guid applicationId, TimeProvider clock, CancellationToken ct) =>
        new(scopes, applicationId, ChinaTime.Today(clock), ct);

    /// <summary>The records read beside, when they are of the carrier and profile year the transaction loaded; null otherwise (the caller reads them).</summary>
    public async Task<CarrierRecords?> RecordsFor(ApplicationFile f) =>
        await Ledger is { } read && read.CarrierId == f.Carrier.Id && read.ProfileYear == f.Current.ProfileYear ? read.Records : null;

    private static async Task<LedgerReads?> ReadLedgerAsync(IServiceProvider services, Guid applicationId, CancellationToken ct)
    {
        var db = services.GetRequiredService<ExemplarDbContext>();
        var head = await (from a in db.Set<Application>().AsNoTracking()
                          join v in db.Set<ApplicationVersion>().AsNoTracking() on new { a.Id, Number = a.CurrentVersion } equals new { Id = v.ApplicationId, v.Number }
                          join c in db.Set<Carrier>().AsNoTracking() on a.CarrierId equals c.Id
                          where a.Id == applicationId
                          select new { Carrier = c, v.ProfileYear }).FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var records = await services.GetRequiredService<LedgerMetricsQuery>().RecordsAsync(head.Carrier, head.ProfileYear, ct);
        return new LedgerReads(head.Carrier.Id, head.ProfileYear, records);
    }

    private static async Task<CheckReads?> ReadCheckAsync(IServiceProvider services, Guid applicationId, DateOnly today, CancellationToken ct)
    {
        var db = services.GetRequiredService<ExemplarDbContext>();
        var head = await (from a in db.Set<Application>().AsNoTracking()
                          join call in db.Set<Call>().AsNoTracking() on a.CallId equals call.Id
                          join c in db.Set<Carrier>().AsNoTracking() on a.CarrierId equals c.Id
                          where a.Id == applicationId
                          select new { a.OrganizationId, Call = call, Carrier = c }).FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var standing = await OrganizationStanding.MayApplyAsync(db, head.OrganizationId, ct);
        var refusals = await services.GetRequiredService<ApplicationAdmission>().RefusalsAsync(head.Call, head.Carrier, today, ct);
        var users = await db.Set<UserAccount>().AsNoTracking().Where(u => u.OrganizationId == head.OrganizationId && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        return new CheckReads(standing, refusals, users);
    }

    /// <summary>Waits for the reads (their outcome matters only to a caller that awaited them) before their contexts go.</summary>
    public async ValueTask DisposeAsync()
    {
        try { await Ledger; }
        catch (Exception) { /* observed by the caller when it used them; otherwise unused */ }
        try { await Check; }
        catch (Exception) { /* likewise */ }
        await ledgerScope.DisposeAsync();
        await checkScope.DisposeAsync();
    }
}
