using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>An application with what every handler and page needs: its current version, call, pinned policy and carrier.</summary>
public sealed record ApplicationFile(Application Application, ApplicationVersion Current, Call Call, PolicyVersion Policy, Carrier Carrier)
{
    public bool IsDraft => DraftGuard.IsDraft(Application, Current);
}

public sealed class ApplicationLoader(ExemplarDbContext db, PolicySnapshots snapshots)
{
    /// <summary>Loads for change (tracked) or for reading; null when the application does not exist.</summary>
    public async Task<ApplicationFile?> LoadAsync(Guid applicationId, bool tracked, CancellationToken ct)
    {
        IQueryable<T> Q<T>() where T : class => tracked ? db.Set<T>() : db.Set<T>().AsNoTracking();
        // The application with its current version in one statement.
        var head = await (from x in Q<Application>()
                          join y in Q<ApplicationVersion>() on new { x.Id, Number = x.CurrentVersion } equals new { Id = y.ApplicationId, y.Number }
                          where x.Id == applicationId
                          select new { Application = x, Current = y }).FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var (a, v) = (head.Application, head.Current);
        var call = await Q<Call>().Include(x => x.Slots).SingleAsync(x => x.Id == a.CallId, ct);
        var policy = await snapshots.LoadAsync(call.PolicyHash, ct)
            ?? throw new InvalidOperationException($"申报批次 {call.Id} 所依据的政策版本 {call.PolicyHash} 未保存。");
        var carrier = await db.Set<Carrier>().AsNoTracking().SingleAsync(x => x.Id == a.CarrierId, ct);
        return new ApplicationFile(a, v, call, policy, carrier);
    }

    /// <summary>
    /// What a change to one material of the draft needs — who owns it, its status, the current version's state, reopened
    /// items and lock, and the call's slots — read without the version's texts (the locked report alone is 40–170 KB), the
    /// pinned policy or the carrier. Untracked: nothing here is changed by the caller.
    /// </summary>
    public async Task<(Application Application, ApplicationVersion Current, IReadOnlyList<CallMaterialSlot> Slots)?> LoadHeadAsync(Guid applicationId, CancellationToken ct)
    {
        var head = await (from a in db.Set<Application>().AsNoTracking()
                          join v in db.Set<ApplicationVersion>().AsNoTracking() on new { a.Id, Number = a.CurrentVersion } equals new { Id = v.ApplicationId, v.Number }
                          where a.Id == applicationId
                          select new
                          {
                              Application = new Application { Id = a.Id, CallId = a.CallId, OrganizationId = a.OrganizationId, JurisdictionCode = a.JurisdictionCode, Status = a.Status, CurrentVersion = a.CurrentVersion },
                              Current = new ApplicationVersion { Id = v.Id, ApplicationId = v.ApplicationId, Number = v.Number, State = v.State, EditableItems = v.EditableItems, LockedAt = v.LockedAt },
                          }).FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var slots = await db.Set<CallMaterialSlot>().AsNoTracking().Where(s => s.CallId == head.Application.CallId).ToListAsync(ct);
        return (head.Application, head.Current, slots);
    }
}
