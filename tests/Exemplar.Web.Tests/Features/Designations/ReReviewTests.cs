using Exemplar.Domain.Designations;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.Decisions;
using Exemplar.Web.Features.Notices;
using Exemplar.Web.Tests.Features.Notices;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Registry;
using Exemplar.Web.Tests.Features.Applications;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Designations;

/// <summary>
/// 聊城办法第十六条: 有效期为5年，期满当年须按照申报条件和程序申请复核. The demo base 东昌府区创业创新示范园 was designated on
/// 2022-01-20 (聊工信发〔2022〕9号), so its last valid day is 2027-01-20 (DesignationStatusTests) and 2027 is its expiry year; the measures themselves
/// lapsed on 2026-12-03, yet the re-review runs under them.
/// </summary>
public abstract class ReReviewBase(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    protected const string Base = "东昌府区创业创新示范园";
    protected readonly ApplicationTestData data = new(app.Services);
    protected readonly ExemplarFactory app = app;

    protected void At(int year, int month, int day) =>
        app.Clock.AdjustTime(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());

    protected async Task<Guid> ReReviewCallAsync()
    {
        var officer = await data.WithAsync((_, db) => db.Set<UserAccount>().SingleAsync(u => u.UserName == "lc.city"));
        var created = await data.WithAsync((s, _) => s.GetRequiredService<CreateCallHandler>().HandleAsync(
            new CreateCallCommand("liaocheng-base-2021", 2027, officer.JurisdictionCode!, officer.Id, ApplicationKind.ReReview), default));
        Assert.True(created.Ok, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        var id = created.Id!.Value;
        var call = await data.WithAsync((_, db) => db.Set<Call>().Include(c => c.Slots).SingleAsync(c => c.Id == id));
        Assert.Equal(ApplicationKind.ReReview, call.Kind);
        Assert.Contains("期满复核", call.Title);
        var saved = await data.WithAsync((s, _) => s.GetRequiredService<SaveCallHandler>().HandleAsync(new SaveCallCommand(id, call.Version,
            call.Title, "聊工信发〔2027〕1号", "请有效期于2027年届满的示范基地申请复核。", new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 29), new DateOnly(2027, 2, 26), null,
            "测试联系人 0635-0000000", "LCFH", call.Slots.Select(x => new SlotInput(x.Id, x.Text, x.Required, x.Generated, x.IsDeclaration, false)).ToList(), null), default));
        Assert.True(saved.Ok, string.Join(" ", saved.Errors.SelectMany(e => e.Value)));
        var version = await data.WithAsync((_, db) => db.Set<Call>().Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        var published = await data.WithAsync((s, _) => s.GetRequiredService<PublishCallHandler>().HandleAsync(new PublishCallCommand(id, version), default));
        Assert.True(published.Ok, string.Join(" ", published.Errors.SelectMany(e => e.Value)));
        return id;
    }

    protected Task<Designation> DesignationAsync() => data.WithAsync((_, db) =>
        db.Set<Designation>().AsNoTracking().SingleAsync(d => db.Set<Exemplar.Web.Features.Carriers.Carrier>().Any(c => c.Id == d.CarrierId && c.Name == Base)));

    protected Task<string> RegistryStatusAsync() => data.WithAsync(async (s, _) =>
        (await s.GetRequiredService<RegistryQuery>().SearchAsync(RegistryFilter.None with { Name = Base }, RegistrySort.Name, 1, default)).Items.Single().Status);

    protected Task<DesignationStatus?> CertificateStatusAsync() => data.WithAsync(async (s, _) =>
        (await s.GetRequiredService<CertificateVerification>().CheckAsync("LC-2022-007", null, null, default)).Status);

}

public sealed class ReReviewTests(ExemplarFactory app) : ReReviewBase(app)
{
    [Fact]
    public async Task A_re_review_applied_for_in_the_expiry_year_keeps_the_title_standing_past_its_end_date_until_withdrawn()
    {
        using var _ = app.CreateClient();
        var designation = await DesignationAsync();
        Assert.Equal(new DateOnly(2027, 1, 20), designation.ValidUntil);

        // Kunming's text has no 复核: no re-review call there.
        var km = await data.WithAsync((_, db) => db.Set<UserAccount>().SingleAsync(u => u.UserName == "km.city"));
        var refused = await data.WithAsync((s, _) => s.GetRequiredService<CreateCallHandler>().HandleAsync(
            new CreateCallCommand("kunming-base-2022", 2026, km.JurisdictionCode!, km.Id, ApplicationKind.ReReview), default));
        Assert.Contains("未规定期满复核", string.Join(" ", refused.Errors.SelectMany(e => e.Value)));

        // 2027-01-05: after the measures lapsed (2026-12-03), a 复核 call still opens under them.
        At(2027, 1, 5);
        var call = await ReReviewCallAsync();
        var application = await data.StartAsync(call, Base);
        await data.CompleteAsync(application);
        Assert.True((await data.SubmitAsync(application)).Result.Ok);
        Assert.Equal(application, (await DesignationAsync()).ReReviewApplicationId);

        // The last valid day: still 有效.
        At(2027, 1, 20);
        Assert.Equal("valid", await RegistryStatusAsync());
        // The day after: the re-review is undecided, so the title stands as 复核中 — in the registry and on the certificate.
        At(2027, 1, 21);
        Assert.Equal("rereview", await RegistryStatusAsync());
        Assert.Equal(DesignationStatus.UnderReReview, await CertificateStatusAsync());

        // Withdrawn before the deadline: nothing keeps the title any more, it has expired.
        var version = await data.WithAsync((_, db) => db.Set<Application>().Where(a => a.Id == application).Select(a => a.Version).SingleAsync());
        var org = await data.WithAsync((_, db) => db.Set<Application>().Where(a => a.Id == application).Select(a => a.OrganizationId).SingleAsync());
        var withdrawn = await data.WithAsync((s, _) => s.GetRequiredService<WithdrawApplicationHandler>().HandleAsync(
            new WithdrawApplicationCommand(application, org, version, "放弃复核", true), default));
        Assert.True(withdrawn.Ok, string.Join(" ", withdrawn.Errors.SelectMany(e => e.Value)));
        Assert.Null((await DesignationAsync()).ReReviewApplicationId);
        Assert.Equal("expired", await RegistryStatusAsync());
        Assert.Equal(DesignationStatus.Expired, await CertificateStatusAsync());
    }
}

/// <summary>The 复核 decided after the end date: the title stood as 复核中 meanwhile; the announcement renews or cancels it.</summary>
public abstract class ReReviewDecisionTests(ExemplarFactory app) : ReReviewBase(app)
{
    protected async Task<SaveResult> AnnounceAsync(bool passes)
    {
        using var _ = app.CreateClient();
        At(2027, 1, 5);
        var call = await ReReviewCallAsync();
        var application = await data.StartAsync(call, Base);
        await data.CompleteAsync(application);
        Assert.True((await data.SubmitAsync(application)).Result.Ok);

        // Notice and decision as the earlier stages leave them (their own tests cover how they are made).
        At(2027, 2, 20);
        Assert.Equal("rereview", await RegistryStatusAsync());
        var notice = await data.WithAsync(async (_, db) =>
        {
            var a = await db.Set<Application>().SingleAsync(x => x.Id == application);
            var n = new PublicNotice
            {
                CallId = call, ProgrammeId = "liaocheng-base-2021", PolicyVersion = "2021.1", JurisdictionCode = "371500", Title = "复核结果公示",
                Contact = "0635-0000000", PublishedOn = new(2027, 2, 1), StartsOn = new(2027, 2, 1), EndsOn = new(2027, 2, 10), WorkingDays = 5,
                Status = NoticeStatus.Decided, PublishedAt = DateTimeOffset.UtcNow, PublishedByName = "郑华",
                Entries = [new NoticeEntry { ApplicationId = a.Id, CarrierId = a.CarrierId, CarrierName = Base, OperatorName = "聊城东昌创业孵化器有限公司",
                    RegionName = "聊城市东昌府区", ReceiptNumber = a.ReceiptNumber, Order = 1 }],
            };
            db.Add(n);
            db.Add(new DesignationDecision
            {
                NoticeId = n.Id, CallId = call, DecidedOn = new(2027, 2, 20), RecordedByName = "郑华",
                Lines = [new DecisionLine { EntryId = n.Entries[0].Id, ApplicationId = a.Id, CarrierId = a.CarrierId, Designated = passes,
                    Reason = passes ? null : "复核时服务业绩未达到申报条件" }],
            });
            await db.SaveChangesAsync();
            return n.Id;
        });
        At(2027, 2, 22);
        var version = await data.WithAsync((_, db) => db.Set<DesignationDecision>().Where(d => d.NoticeId == notice).Select(d => d.Version).SingleAsync());
        var officer = await new NoticeTestData(app.Services).PrincipalAsync("lc.city");
        return await data.WithAsync((s, _) => s.GetRequiredService<AnnounceHandler>().HandleAsync(
            new AnnounceCommand(notice, officer, version, "聊工信发〔2027〕5号", "关于2027年度示范基地复核结果的公告", new DateOnly(2027, 2, 22)), default));
    }
}

public sealed class ReReviewPassedTests(ExemplarFactory app) : ReReviewDecisionTests(app)
{
    [Fact]
    public async Task A_base_that_passes_holds_the_title_for_a_new_five_year_term_from_the_announcement()
    {
        var result = await AnnounceAsync(passes: true);
        Assert.True(result.Ok, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        var all = await data.WithAsync((_, db) => db.Set<Designation>().AsNoTracking()
            .Where(d => db.Set<Exemplar.Web.Features.Carriers.Carrier>().Any(c => c.Id == d.CarrierId && c.Name == Base)).OrderBy(d => d.AnnouncedOn).ToListAsync());
        Assert.Equal(2, all.Count);
        Assert.Null(all[0].ReReviewApplicationId);
        Assert.Null(all[0].RevokedOn);
        // 有效期为5年 (聊城第十六条), from the announcement of 2027-02-22: the old term had already run out on 2027-01-20.
        Assert.Equal(new DateOnly(2027, 2, 22), all[1].ValidFrom);
        Assert.Equal(new DateOnly(2032, 2, 22), all[1].ValidUntil);
        Assert.Equal("聊工信发〔2027〕5号", all[1].AnnouncementNumber);
        Assert.Equal("valid", await RegistryStatusAsync());
    }
}

public sealed class ReReviewFailedTests(ExemplarFactory app) : ReReviewDecisionTests(app)
{
    [Fact]
    public async Task A_base_that_fails_has_its_title_cancelled_on_the_announcement_with_a_written_outcome()
    {
        var result = await AnnounceAsync(passes: false);
        Assert.True(result.Ok, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        var d = await DesignationAsync();
        Assert.Null(d.ReReviewApplicationId);
        Assert.Equal(new DateOnly(2027, 2, 22), d.RevokedOn);
        Assert.Equal("第十六条（复核未通过）", d.RevocationCitation);
        Assert.Null(d.ReapplyBannedUntil);
        Assert.Equal("revoked", await RegistryStatusAsync());
        Assert.Equal(1, await data.WithAsync((_, db) => db.Set<WrittenOutcome>().CountAsync(o => o.CarrierName == Base)));
    }
}
