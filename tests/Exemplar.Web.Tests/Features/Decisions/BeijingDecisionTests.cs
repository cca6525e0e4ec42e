using System.Net;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.Decisions;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Notices;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Tests.Features.Applications;
using Exemplar.Web.Tests.Features.Certificates;
using Exemplar.Web.Tests.Features.Notices;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Exemplar.Web.Tests.Features.Notices.NoticeTestData;

namespace Exemplar.Web.Tests.Features.Decisions;

/// <summary>
/// 北京市小型微型企业创业创新示范基地管理办法, from the call to the certificate, through the real handlers and pages:
/// 第十条 申请单位按通知要求提交申报材料 — to the 市经济和信息化局 itself, nobody recommends before it; 第十一条 市经济和信息化局
/// 组织开展认定评价 — no expert review is prescribed, so the authority selects (with a reason) and publishes a notice whose
/// length the text does not state (通过网站对外公示); 第十二条 公示无异议的，发布公告 — no collective decision, no plaque;
/// 第十三条 动态管理 — no fixed validity: the designation has no end date and the certificate and registry say so.
/// </summary>
public sealed class BeijingDecisionTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private const string Base = "中关村智造创新基地";
    private readonly NoticeTestData data = new(app.Services);
    private ApplicationTestData Applications => data.Reviews.Applications;

    private void At(int year, int month, int day) =>
        app.Clock.AdjustTime(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());

    [Fact]
    public async Task A_beijing_call_goes_from_publication_to_a_certificate_without_a_fixed_validity()
    {
        using var _ = app.CreateClient();
        At(2026, 11, 21);
        // The operator of the demo Beijing base registers a second base of its own (the first holds a title already).
        var org = await data.Db(db => db.Set<Organization>().Where(o => o.Name == "北京海淀科创孵化器有限公司").Select(o => o.Id).SingleAsync());
        Ok(await Applications.WithAsync((s, _) => s.GetRequiredService<SaveCarrierHandler>().HandleAsync(new SaveCarrierCommand(
            org, null, 0, Base, CarrierKind.Base, "110108", "集成电路、智能制造", CarrierPrimaryType.ProducerServices, 12000, 1500, new DateOnly(2019, 3, 1),
            "hardTechIncubator", new DateOnly(2019, 3, 1), new DateOnly(2018, 6, 1)), default)));

        // 第十条: the call, and an application submitted to the city.
        var call = await Applications.CallAsync("beijing-base", "bj.city", "BJ", title: "2026年度北京市小型微型企业创业创新示范基地申报");
        var application = await Applications.SubmittedAsync(Base, call);
        Assert.Equal(ApplicationStatus.Submitted, await data.Db(db => db.Set<Application>().Where(a => a.Id == application).Select(a => a.Status).SingleAsync()));
        // Nobody recommends before the city: the district officer has no worksheet for it, the city reads it at once.
        Assert.DoesNotContain(Base, (await (await app.SignedInAsync("bj.haidian")).GetDocumentAsync("/Recommendations")).Body!.TextContent);
        var city = await app.SignedInAsync("bj.city");
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/Applications/{application}")).StatusCode);

        // 第十一条: no expert review prescribed and none set up for this call — the city selects from the submitted applications.
        Assert.False(await data.Db(db => db.Set<ExpertReview>().AnyAsync(r => r.CallId == call)));
        var source = await Applications.WithAsync((s, _) => s.GetRequiredService<NoticeCandidates>().ForAsync(call, default));
        Assert.False(source!.FromShortlist);
        Assert.Equal([Base], source.Candidates.Select(c => c.CarrierName));

        // The notice: the text is silent on its length, so the city must set one, and give its reason for each base it lists.
        var who = await data.PrincipalAsync("bj.city");
        Task<Exemplar.Web.Infrastructure.Forms.SaveResult> Publish(int? days, string? reason) => Applications.WithAsync((s, _) =>
            s.GetRequiredService<PublishNoticeHandler>().HandleAsync(new PublishNoticeCommand(call, who, "2026年度北京市小型微型企业创业创新示范基地拟认定名单公示",
                "京经信公示〔2026〕12号", "北京市经济和信息化局中小企业处", days, false, [new NoticeSelection(application, true, reason)]), default));
        var refused = Messages(await Publish(null, null)).ToList();
        Assert.Contains("请填写公示期（工作日数）。", refused);
        Assert.Contains($"{Base}：请填写列入公示名单的理由。", refused);
        Ok(await Publish(7, "经认定评价，符合第六条基本条件，具备第七条所列创业辅导、创新支持、投融资服务等五项服务功能。"));
        var notice = await data.Db(db => db.Set<PublicNotice>().AsNoTracking().Include(n => n.Entries).SingleAsync(n => n.CallId == call));
        // Published Saturday 2026-11-21; 7 working days from Monday 11-23: 23–27, 30, 12月1日.
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 1), 7, true), (notice.StartsOn, notice.EndsOn, notice.WorkingDays, notice.LengthSetByAuthority));
        var page = await app.Client().GetDocumentAsync($"/Notices/{notice.Id}");
        var period = page.QuerySelector("#period-title")!.ParentElement!.TextContent;
        Assert.Contains("政策文本（第十一条）未规定公示期长度，由认定机关确定。", period);
        Assert.Contains("本公示期长度由认定机关确定。", period);

        // 第十二条 公示无异议的: before the end nothing is decided; after it, the city decides without a collective procedure.
        var entry = notice.Entries.Single().Id;
        Task<Exemplar.Web.Infrastructure.Forms.SaveResult> Decide(DateOnly on) => Applications.WithAsync(async (s, db) =>
            await s.GetRequiredService<RecordDecisionHandler>().HandleAsync(new RecordDecisionCommand(notice.Id, who,
                await db.Set<PublicNotice>().Where(n => n.Id == notice.Id).Select(n => n.Version).SingleAsync(), on, null, null, null, null, false, null,
                [new DecisionChoice(entry, true, null)]), default));
        Assert.Contains("公示期至2026年12月1日届满，届满前不能作出认定决定。", Messages(await Decide(new DateOnly(2026, 11, 21))));
        At(2026, 12, 2);
        Ok(await Decide(new DateOnly(2026, 12, 2)));
        var decision = await data.Db(db => db.Set<DesignationDecision>().AsNoTracking().SingleAsync(d => d.NoticeId == notice.Id));
        Assert.False(decision.Collective);
        Assert.Null(decision.MinutesFileId);

        Ok(await Applications.WithAsync((s, _) => s.GetRequiredService<AnnounceHandler>().HandleAsync(new AnnounceCommand(notice.Id, who, decision.Version,
            "京经信发〔2026〕99号", "关于认定2026年度北京市小型微型企业创业创新示范基地的公告", new DateOnly(2026, 12, 2)), default)));
        var designation = await data.Db(db => db.Set<Designation>().AsNoTracking().SingleAsync(d => d.AnnouncementNumber == "京经信发〔2026〕99号"));
        // 第十三条 动态管理: no end date, no plaque (the text awards none).
        Assert.Equal(("beijing-base", new DateOnly(2026, 12, 2), (DateOnly?)null, (DateOnly?)null),
            (designation.ProgrammeId, designation.ValidFrom, designation.ValidUntil, designation.PlaqueAwardedOn));
        var told = await data.Db(db => db.Set<Notice>().AsNoTracking().SingleAsync(n => n.Ref == $"designation:{designation.Id}"));
        Assert.Contains("政策文本未规定有效期", told.Body);
        Assert.Contains("未规定", (await app.Client().GetDocumentAsync($"/Decisions/Notices/{notice.Id}/Announcement")).QuerySelector("#designated")!.TextContent);

        // The certificate, issued by the city from its list: signed, and saying there is no end date.
        city = await app.SignedInAsync("bj.city"); // signed in again: the session of 11月21日 has expired by now
        var issued = await city.PostFormAsync("/Designations", new Dictionary<string, string>(), postUrl: $"/Designations/{designation.Id}/Certificate");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var certificate = await data.Db(db => db.Set<IssuedCertificate>().AsNoTracking().SingleAsync(c => c.DesignationId == designation.Id));
        Assert.Matches(@"^ZS2026-\d{6}$", certificate.Number);
        var fields = CertificatePayload.Fields(certificate.Payload)!;
        Assert.Equal(("北京市小型微型企业创业创新示范基地", Base, "2026-12-02", "none", "京经信发〔2026〕99号"),
            (fields["title"], fields["base"], fields["validFrom"], fields["validUntil"], fields["announcement"]));
        var verify = await app.Client().GetDocumentAsync(CertificatesTestData.QrPath(certificate));
        Assert.Equal("valid", verify.QuerySelector("#verify-result")!.GetAttribute("data-outcome"));
        Assert.Contains("自2026年12月2日起，不设固定有效期（动态管理）", verify.QuerySelector("dl.facts")!.TextContent);

        // The registry says so too, rather than inventing a date.
        var carrier = await data.Db(db => db.Set<Carrier>().Where(c => c.Name == Base).Select(c => c.Id).SingleAsync());
        var registry = await app.Client().GetDocumentAsync($"/Registry/Bases/{carrier}");
        Assert.Contains("该办法未规定有效期，实行动态管理。", registry.Body!.TextContent);
        Assert.Contains(certificate.Number, registry.Body.TextContent);
        var row = (await app.Client().GetDocumentAsync($"/Registry?name={Uri.EscapeDataString(Base)}")).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(Base));
        Assert.Contains("不设固定有效期", row.TextContent);
        Assert.Contains("有效", row.TextContent);
        At(2026, 11, 21);
    }
}
