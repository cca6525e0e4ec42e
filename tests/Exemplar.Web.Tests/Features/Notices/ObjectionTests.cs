using Exemplar.Web.Features.Notices;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Tests.Features.Applications;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Exemplar.Web.Tests.Features.Notices.NoticeTestData;

namespace Exemplar.Web.Tests.Features.Notices;

/// <summary>
/// The Kunming notice published on Saturday 2026-11-21 (the factory's date) for 10 working days: it starts on Monday
/// 11-23 and ends on Friday 12-04 (23–27 and 30, 12-01–04: no holiday in between). Objections during it.
/// </summary>
public sealed class ObjectionTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly NoticeTestData data = new(app.Services);

    [Fact]
    public async Task The_notice_runs_ten_working_days_from_the_shortlist_and_is_published_once()
    {
        using var _ = app.CreateClient();
        var (call, _, _) = await data.ShortlistedAsync();
        var n = await data.PublishedAsync();
        Assert.Equal(new DateOnly(2026, 11, 21), n.PublishedOn);
        Assert.Equal(new DateOnly(2026, 11, 23), n.StartsOn);
        Assert.Equal(new DateOnly(2026, 12, 4), n.EndsOn);
        Assert.False(n.EndWasProvisional);
        Assert.Equal(new[] { Wuhua, Panlong }.Order(), n.Entries.Select(e => e.CarrierName).Order());
        var again = await data.PublishAsync(call, 10);
        Assert.Contains("本批次已经发布公示。", Messages(again));
    }

    [Theory]
    [InlineData(null, "赵建国", "13987654321", "FilerKind")]
    [InlineData(FilerKind.Person, "", "13987654321", "FilerName")]
    [InlineData(FilerKind.Person, "匿名", "13987654321", "FilerName")]
    [InlineData(FilerKind.Person, "一位知情人", "13987654321", "FilerName")]
    [InlineData(FilerKind.Person, "赵建国", "", "FilerContact")]
    [InlineData(FilerKind.Organisation, "", "zhao@example.cn", "FilerName")]
    [InlineData(FilerKind.Person, "赵建国", "随便", "FilerContact")]
    public async Task Anonymous_objections_are_refused_saying_why(FilerKind? kind, string name, string contact, string field)
    {
        using var _ = app.CreateClient();
        var n = await data.PublishedAsync();
        var before = await data.Db(db => db.Set<Objection>().CountAsync());
        var r = await data.FileAsync(Objection(n, Wuhua, kind, name, contact));
        Assert.False(r.Ok);
        Assert.True(r.Errors.ContainsKey(field), string.Join(" ", Messages(r)));
        Assert.All(r.Errors[field], m => Assert.Matches("匿名|联系方式|手机号码", m));
        Assert.Equal(before, await data.Db(db => db.Set<Objection>().CountAsync()));
    }

    [Fact]
    public async Task An_objection_in_a_real_name_gets_an_unguessable_reference_and_evidence_checked_by_content()
    {
        using var _ = app.CreateClient();
        var n = await data.PublishedAsync();
        var disguised = await data.FileAsync(Objection(n, Wuhua, evidence: new EvidenceUpload("证据.pdf", "MZ\x90\0 not a pdf"u8.ToArray())));
        Assert.False(disguised.Ok);
        Assert.True(disguised.Errors.ContainsKey("Evidence"));

        var r = await data.FileAsync(Objection(n, Wuhua, evidence: new EvidenceUpload("租赁合同.pdf", ApplicationTestData.Pdf)));
        Ok(r);
        var o = await data.ObjectionAsync(r.Id!.Value);
        Assert.Matches(@"^YY2026-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$", o.Reference);
        Assert.Equal(ObjectionStatus.Received, o.Status);
        var evidence = Assert.Single(o.Evidence);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ApplicationTestData.Pdf)), evidence.Sha256);
        var other = await data.FileAsync(Objection(n, Panlong, FilerKind.Organisation, "昆明某某科技有限公司", "0871-63123456"));
        if (other.Ok) Assert.NotEqual(o.Reference, (await data.ObjectionAsync(other.Id!.Value)).Reference);

        // The authority is told in the product.
        var told = await data.Db(db => db.Set<Notice>().AnyAsync(x => x.Ref == $"objection:{o.Id}"));
        Assert.True(told);
    }

    [Fact]
    public async Task The_filer_looks_up_the_status_with_the_reference_and_the_base_sees_the_content_never_the_filer()
    {
        using var _ = app.CreateClient();
        var n = await data.PublishedAsync();
        var r = await data.FileAsync(Objection(n, Wuhua, name: "钱卫东", contact: "qian.wd@example.cn", content: "该基地公共服务场地实际被出租给非入驻企业，与申报不符。"));
        Ok(r);
        var o = await data.ObjectionAsync(r.Id!.Value);
        Ok(await data.RegisterAsync(o.Id, new DateOnly(2026, 11, 28)));

        var anyone = app.Client();
        var status = await anyone.PostFormAsync("/Notices/Objections/Status", new Dictionary<string, string> { ["Reference"] = o.Reference.ToLowerInvariant() });
        var page = await status.ToDocumentAsync();
        Assert.Contains("调查核实中", page.QuerySelector("#objection-status")!.TextContent);
        var unknown = await (await anyone.PostFormAsync("/Notices/Objections/Status", new Dictionary<string, string> { ["Reference"] = "YY2026-2222-2222-2222-2222" })).ToDocumentAsync();
        Assert.Null(unknown.QuerySelector("#objection-status"));
        Assert.Contains("未找到", unknown.QuerySelector("main")!.TextContent);

        var applicant = await app.SignedInAsync("km.applicant");
        var mine = await applicant.GetDocumentAsync("/Notices/Objections");
        var text = mine.QuerySelector("main")!.TextContent;
        Assert.Contains("公共服务场地实际被出租给非入驻企业", text);
        Assert.DoesNotContain("钱卫东", text);
        Assert.DoesNotContain("qian.wd", text);
        Assert.DoesNotContain(o.Reference, text);
    }

    [Fact]
    public async Task The_public_notice_page_shows_the_list_and_the_period_with_weekdays()
    {
        using var _ = app.CreateClient();
        var n = await data.PublishedAsync();
        var page = await app.Client().GetDocumentAsync($"/Notices/{n.Id}");
        var period = page.QuerySelector("#notice-period")!.TextContent;
        Assert.Contains("2026年11月23日（星期一）", period);
        Assert.Contains("2026年12月4日（星期五）", period);
        Assert.Contains("10个工作日", period);
        var rows = page.QuerySelectorAll("#notice-entries tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains(Wuhua));
        Assert.DoesNotContain("13987654321", page.QuerySelector("main")!.TextContent);
    }
}
