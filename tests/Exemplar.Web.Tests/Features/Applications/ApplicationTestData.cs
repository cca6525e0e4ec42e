using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Applications;

/// <summary>
/// Drives applications through the real handlers (start, details, lock, materials, declaration, submit) for tests that
/// need one in a given state. Everything goes through the same checks a person's clicks would.
/// </summary>
public sealed class ApplicationTestData(IServiceProvider services)
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public static readonly ApplicantDetails Details = new()
    {
        UnitNature = "有限责任公司", LegalRepresentative = "李明", RegisteredOn = new DateOnly(2018, 3, 1), RegisteredAddress = "昆明市五华区学府路1号",
        ContactName = "李明", ContactMobile = "13900000001", ContactEmail = "liming@example.cn", PreviousYearRevenueWan = 1250.5m, FeesWaivedWan = 86m,
    };

    public async Task<T> WithAsync<T>(Func<IServiceProvider, ExemplarDbContext, Task<T>> f)
    {
        using var scope = services.CreateScope();
        return await f(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    public Task<Guid> CallIdAsync(string title = CallDemoSeeder.KunmingTitle) =>
        WithAsync((_, db) => db.Set<Call>().Where(c => c.Title == title).Select(c => c.Id).SingleAsync());

    /// <summary>A call of the programme by the officer's authority: created, filled in and, unless a draft is wanted, published.</summary>
    public async Task<Guid> CallAsync(string programmeId, string officerUserName, string prefix, bool publish = true, string? title = null)
    {
        var officer = await WithAsync((_, db) => db.Set<UserAccount>().SingleAsync(u => u.UserName == officerUserName));
        var created = await WithAsync((s, _) => s.GetRequiredService<CreateCallHandler>().HandleAsync(
            new CreateCallCommand(programmeId, 2026, officer.JurisdictionCode!, officer.Id), default));
        Assert.True(created.Ok, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        var id = created.Id!.Value;
        var call = await WithAsync((_, db) => db.Set<Call>().Include(c => c.Slots).SingleAsync(c => c.Id == id));
        var saved = await WithAsync((s, _) => s.GetRequiredService<SaveCallHandler>().HandleAsync(new SaveCallCommand(id, call.Version,
            title ?? call.Title + "（测试）", null, "请按办法要求申报。", new DateOnly(2026, 11, 16), new DateOnly(2026, 12, 18), new DateOnly(2027, 1, 15), null,
            "测试联系人 0000-0000000", prefix, call.Slots.Select(x => new SlotInput(x.Id, x.Text, x.Required, x.Generated, x.IsDeclaration, false)).ToList(), null), default));
        Assert.True(saved.Ok, string.Join(" ", saved.Errors.SelectMany(e => e.Value)));
        if (publish)
        {
            var version = await WithAsync((_, db) => db.Set<Call>().Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
            var published = await WithAsync((s, _) => s.GetRequiredService<PublishCallHandler>().HandleAsync(new PublishCallCommand(id, version), default));
            Assert.True(published.Ok, string.Join(" ", published.Errors.SelectMany(e => e.Value)));
        }
        return id;
    }

    public Task<(Guid Carrier, Guid Organization, Guid User)> CarrierAsync(string name) => WithAsync(async (_, db) =>
    {
        var c = await db.Set<Carrier>().SingleAsync(x => x.Name == name);
        var user = await db.Set<UserAccount>().Where(u => u.OrganizationId == c.OrganizationId).OrderBy(u => u.UserName).Select(u => u.Id).FirstAsync();
        return (c.Id, c.OrganizationId, user);
    });

    public async Task<Guid> StartAsync(Guid callId, string carrierName)
    {
        var (carrier, org, user) = await CarrierAsync(carrierName);
        var r = await WithAsync((s, _) => s.GetRequiredService<StartApplicationHandler>().HandleAsync(new StartApplicationCommand(callId, carrier, org, user), default));
        Assert.True(r.Ok, string.Join(" ", r.Errors.SelectMany(e => e.Value)));
        return r.Id!.Value;
    }

    public Task<uint> VersionTokenAsync(Guid applicationId) => WithAsync(async (_, db) =>
    {
        var a = await db.Set<Application>().SingleAsync(x => x.Id == applicationId);
        return await db.Set<ApplicationVersion>().Where(v => v.ApplicationId == applicationId && v.Number == a.CurrentVersion).Select(v => v.Version).SingleAsync();
    });

    /// <summary>Fills a draft so it can be submitted: details, the report locked, every required slot filled, the declaration accepted.</summary>
    public async Task CompleteAsync(Guid applicationId)
    {
        var (org, user) = await WithAsync(async (_, db) =>
        {
            var a = await db.Set<Application>().SingleAsync(x => x.Id == applicationId);
            return (a.OrganizationId, await db.Set<UserAccount>().Where(u => u.OrganizationId == a.OrganizationId).Select(u => u.Id).FirstAsync());
        });
        await Must(s => s.GetRequiredService<SaveDetailsHandler>().HandleAsync(new SaveDetailsCommand(applicationId, org, VersionTokenAsync(applicationId).Result, Details), default));
        var hasReport = await WithAsync(async (_, db) =>
        {
            var a = await db.Set<Application>().SingleAsync(x => x.Id == applicationId);
            return await db.Set<CallMaterialSlot>().AnyAsync(s => s.CallId == a.CallId && s.Generated);
        });
        if (hasReport)
            await Must(s => s.GetRequiredService<LockReportHandler>().HandleAsync(new LockReportCommand(applicationId, org, VersionTokenAsync(applicationId).Result, true), default));
        var slots = await WithAsync(async (_, db) =>
        {
            var a = await db.Set<Application>().SingleAsync(x => x.Id == applicationId);
            return await db.Set<CallMaterialSlot>().Where(s => s.CallId == a.CallId && s.Required).OrderBy(s => s.Order).Select(s => s.Id).ToListAsync();
        });
        foreach (var slot in slots)
            await Must(s => s.GetRequiredService<UploadMaterialHandler>().HandleAsync(new UploadMaterialCommand(applicationId, org, user, slot, $"材料{slot:N}.pdf", Pdf), default));
        await Must(s => s.GetRequiredService<AcceptDeclarationHandler>().HandleAsync(
            new AcceptDeclarationCommand(applicationId, org, user, "李明（五华创新创业园）", VersionTokenAsync(applicationId).Result, true), default));
    }

    public async Task<SubmitOutcome> SubmitAsync(Guid applicationId) => await WithAsync(async (s, db) =>
    {
        var a = await db.Set<Application>().SingleAsync(x => x.Id == applicationId);
        var user = await db.Set<UserAccount>().Where(u => u.OrganizationId == a.OrganizationId).Select(u => u.Id).FirstAsync();
        return await s.GetRequiredService<SubmitApplicationHandler>().HandleAsync(new SubmitApplicationCommand(applicationId, a.OrganizationId, user, "李明（五华创新创业园）"), default);
    });

    /// <summary>An application of the carrier in the call, submitted (started, completed and submitted if it is not already; one already recommended is returned as it is).</summary>
    public async Task<Guid> SubmittedAsync(string carrierName, Guid? callId = null)
    {
        var call = callId ?? await CallIdAsync();
        var existing = await WithAsync((_, db) => db.Set<Application>().Where(a => a.CallId == call && db.Set<Carrier>().Any(c => c.Id == a.CarrierId && c.Name == carrierName))
            .Select(a => new { a.Id, a.Status }).FirstOrDefaultAsync());
        if (existing is { Status: ApplicationStatus.Submitted or ApplicationStatus.Recommended or ApplicationStatus.NotRecommended }) return existing.Id; // submitted, perhaps already further on
        var id = existing?.Id ?? await StartAsync(call, carrierName);
        await CompleteAsync(id);
        var outcome = await SubmitAsync(id);
        Assert.True(outcome.Result.Ok, string.Join(" ", outcome.Result.Errors.SelectMany(e => e.Value)));
        return id;
    }

    private async Task Must(Func<IServiceProvider, Task<SaveResult>> act)
    {
        var r = await WithAsync((s, _) => act(s));
        Assert.True(r.Ok, string.Join(" ", r.Errors.SelectMany(e => e.Value)));
    }
}
