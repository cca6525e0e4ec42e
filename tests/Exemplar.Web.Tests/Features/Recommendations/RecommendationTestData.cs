using System.Security.Claims;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Recommendations;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Exemplar.Web.Tests.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Recommendations;

/// <summary>Drives the recommendation handlers as a demo officer (the principal carries the same claims a sign-in gives).</summary>
public sealed class RecommendationTestData(ApplicationTestData data)
{
    public Task<ClaimsPrincipal> OfficerAsync(string userName) => data.WithAsync(async (_, db) =>
    {
        var u = await db.Set<UserAccount>().SingleAsync(x => x.UserName == userName);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, u.Id.ToString()), new(ClaimTypes.Name, u.DisplayName), new(ClaimTypes.Role, u.Role.ToString()) };
        if (u.JurisdictionCode is { } j) claims.Add(new(ExemplarClaims.Jurisdiction, j));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    });

    public Task<SaveResult> RunAsync(Func<RecommendationHandlers, Task<SaveResult>> act) =>
        data.WithAsync((s, _) => act(s.GetRequiredService<RecommendationHandlers>()));

    public Task<Recommendation?> SheetAsync(Guid applicationId) =>
        data.WithAsync((_, db) => db.Set<Recommendation>().AsNoTracking().SingleOrDefaultAsync(r => r.ApplicationId == applicationId));

    /// <summary>Every required material marked complete, an opinion, the decision.</summary>
    public async Task<SaveResult> SaveAsync(Guid applicationId, ClaimsPrincipal officer, bool recommend = true, DateOnly? auditDate = null)
    {
        var slots = await data.WithAsync((_, db) => db.Set<Exemplar.Web.Features.Calls.CallMaterialSlot>()
            .Where(s => s.CallId == db.Set<Exemplar.Web.Features.Applications.Application>().Where(a => a.Id == applicationId).Select(a => a.CallId).First())
            .Select(s => s.Id).ToListAsync());
        var version = (await SheetAsync(applicationId))?.Version ?? 0;
        return await RunAsync(h => h.SaveAsync(new SaveWorksheetCommand(applicationId, officer, version,
            slots.ToDictionary(s => s.ToString(), _ => true), new Dictionary<string, string?>(),
            auditDate, auditDate is null ? null : "周婷、李强", auditDate is null ? null : "场地、台账与申报一致。", "材料真实完整，同意推荐。", recommend), default));
    }

    /// <summary>
    /// The carrier's application submitted and then recommended (推荐) by the officer of the carrier's county or zone through
    /// the real handlers: worksheet, the 10% sample drawn and answered, signed. An application already recommended is returned as is.
    /// </summary>
    public async Task<Guid> RecommendedAsync(string carrierName, Guid? callId = null)
    {
        var call = callId ?? await data.CallIdAsync();
        var existing = await data.WithAsync((_, db) => db.Set<Exemplar.Web.Features.Applications.Application>()
            .Where(a => a.CallId == call && db.Set<Exemplar.Web.Features.Carriers.Carrier>().Any(c => c.Id == a.CarrierId && c.Name == carrierName))
            .Select(a => new { a.Id, a.Status }).FirstOrDefaultAsync());
        if (existing is { Status: Exemplar.Web.Features.Applications.ApplicationStatus.Recommended }) return existing.Id;
        var id = await data.SubmittedAsync(carrierName, call);
        var officerName = await data.WithAsync((_, db) => (
            from c in db.Set<Exemplar.Web.Features.Carriers.Carrier>()
            join u in db.Set<UserAccount>() on c.JurisdictionCode equals u.JurisdictionCode
            where c.Name == carrierName && (u.Role == Role.CountyOfficer || u.Role == Role.ZoneOfficer || u.Role == Role.PrefectureOfficer)
            select u.UserName).FirstAsync());
        var officer = await OfficerAsync(officerName);
        var saved = await SaveAsync(id, officer);
        Assert.True(saved.Ok, string.Join(" ", saved.Errors.SelectMany(e => e.Value)));
        var drawn = await RunAsync(h => h.DrawSampleAsync(new(id, officer, false, null), default));
        Assert.True(drawn.Ok, string.Join(" ", drawn.Errors.SelectMany(e => e.Value)));
        await AnswerAllAsync((await SheetAsync(id))!.SampleId!.Value, officer.Identity!.Name!);
        var signed = await RunAsync(h => h.SignAsync(new(id, officer, SheetAsync(id).Result!.Version, true), default));
        Assert.True(signed.Ok, string.Join(" ", signed.Errors.SelectMany(e => e.Value)));
        return id;
    }

    /// <summary>Records a satisfied answer by phone for every sampled enterprise.</summary>
    public async Task AnswerAllAsync(Guid sampleId, string officerName)
    {
        var sample = await data.WithAsync((_, db) => db.Set<SurveySample>().AsNoTracking().SingleAsync(s => s.Id == sampleId));
        var r = await data.WithAsync((s, _) => s.GetRequiredService<RecordSampleAnswersHandler>().HandleAsync(new RecordSampleAnswersCommand(
            sample.CarrierId, sample.Id, sample.Version, sample.MemberIds.Select(m => new SampleAnswerInput(m, true, SampleContactMethod.Phone, null)).ToList(), officerName), default));
        Assert.True(r.Ok, string.Join(" ", r.Errors.SelectMany(e => e.Value)));
    }
}
