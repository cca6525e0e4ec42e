using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

public sealed record StartApplicationCommand(Guid CallId, Guid? CarrierId, Guid OrganizationId, Guid UserId);

/// <summary>
/// Starts an application of one of the organisation's carriers in an open call, if the carrier may apply
/// (<see cref="Admission"/>): version 1 as a draft, its profile year the last full year before the reference date, the
/// unit's contacts taken from the organisation's record.
/// </summary>
public sealed class StartApplicationHandler(ExemplarDbContext db, ApplicationAdmission admission, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(StartApplicationCommand c, CancellationToken ct)
    {
        var call = await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == c.CallId && x.Status != CallStatus.Draft, ct);
        if (call is null) return SaveResult.NotFound;
        var p = new Problems();
        var carrier = c.CarrierId is { } cid ? await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == cid && x.OrganizationId == c.OrganizationId, ct) : null;
        if (carrier is null) { p.Add("CarrierId", "请选择本单位的一个基地（平台）。"); return p.Result(); }
        // Only a registration the local authority confirmed may apply (issue 8 item 7): a squatted or pending code starts nothing.
        if (await OrganizationStanding.MayApplyAsync(db, c.OrganizationId, ct) is { Allowed: false } standing)
        { p.Add("CarrierId", standing.Reason!); return p.Result(); }
        var today = ChinaTime.Today(clock);
        if (call.Status != CallStatus.Published || !call.Schedule.AcceptsApplicationsOn(today))
            p.Add("CallId", today < call.OpensOn ? $"本批次自{ChinaTime.Format(call.OpensOn)}起受理。" : $"本批次已于{ChinaTime.Format(call.ApplicationDeadline)}截止受理。");
        if (await db.Set<Application>().AnyAsync(x => x.CallId == call.Id && x.CarrierId == carrier.Id, ct))
            p.Add("CarrierId", $"“{carrier.Name}”已在本批次中申报，请在“我的申报”中继续。");
        foreach (var refusal in await admission.RefusalsAsync(call, carrier, today, ct)) p.Add("CarrierId", refusal);
        if (p.Any) return p.Result();

        var org = await db.Set<Organization>().AsNoTracking().SingleAsync(o => o.Id == c.OrganizationId, ct);
        var now = clock.GetUtcNow();
        var application = new Application
        {
            CallId = call.Id, CarrierId = carrier.Id, OrganizationId = c.OrganizationId, JurisdictionCode = carrier.JurisdictionCode,
            Kind = call.Kind, CreatedBy = c.UserId, CreatedAt = now,
        };
        db.Add(application);
        db.Add(new ApplicationVersion
        {
            ApplicationId = application.Id, Number = 1, ProfileYear = call.Schedule.ProfileYear,
            DetailsJson = ApplicationJson.Write(new ApplicantDetails
            {
                RegisteredAddress = org.Address ?? "", ContactName = org.ContactName ?? "",
                ContactMobile = ApplicantDetails.IsMobile(org.ContactPhone) ? org.ContactPhone! : "",
            }),
        });
        db.Actor.Operation = "申报.开始";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two starts of the same carrier at once: the unique index lets one through.
            p.Add("CarrierId", $"“{carrier.Name}”已在本批次中申报，请在“我的申报”中继续。");
            return p.Result();
        }
        return SaveResult.Saved(application.Id);
    }
}

/// <summary>Gathers what <see cref="Admission"/> needs about a carrier and asks it.</summary>
public sealed class ApplicationAdmission(ExemplarDbContext db, PolicySnapshots snapshots, JurisdictionTreeCache trees)
{
    public async Task<IReadOnlyList<string>> RefusalsAsync(Call call, Carrier carrier, DateOnly today, CancellationToken ct)
    {
        var policy = await snapshots.LoadAsync(call.PolicyHash, ct) ?? throw new InvalidOperationException("政策版本未保存。");
        var tree = await trees.GetAsync(ct);
        var region = tree.SubtreeCodes(call.JurisdictionCode);
        var designations = await db.Set<Designation>().AsNoTracking().Where(d => d.CarrierId == carrier.Id).ToListAsync(ct);
        var standing = new ApplicantStanding(Carrier.PolicyKindOf(carrier.Kind), carrier.CarrierType, region.Contains(carrier.JurisdictionCode),
            tree.FullName(call.JurisdictionCode), null);
        return Admission.Refusals(policy, standing, designations.Select(d => d.Standing), call.Kind, today);
    }
}
