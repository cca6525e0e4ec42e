using Exemplar.Browser.Tests.Infrastructure;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Notices;
using Exemplar.Web.Tests.Features.Applications;
using Exemplar.Web.Tests.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Notices;

/// <summary>
/// The city (km.city) publishes the Kunming notice from the fixed shortlist (Saturday 2026-11-21, 10 working days: Monday
/// 11-23 to Friday 12-04); a member of the public files an objection on a phone and looks it up with the reference; the
/// city registers, investigates and rejects it; after the period it records the collective decision (第十四条) and announces.
/// </summary>
public sealed class NoticeJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_city_publishes_the_public_objects_on_a_phone_the_city_rejects_it_then_decides_and_announces()
    {
        var data = new NoticeTestData(browser.App.Services);
        var (call, _, _) = await data.ShortlistedAsync();

        var city = await browser.SignedInPageAsync("km.city");
        await city.GotoAsync("/Notices/Manage");
        await city.Locator($"tr[data-call='{call}']").GetByRole(AriaRole.Link, new() { Name = "发布公示" }).ClickAsync();
        await Assertions.Expect(city.Locator("#notice-term")).ToContainTextAsync("公示期不少于10个工作日（第十三条）");
        await Assertions.Expect(city.Locator("#notice-preview")).ToContainTextAsync("2026年11月23日（星期一） 至 2026年12月4日（星期五）");
        await BrowserFixture.ScreenshotAsync(city, "notice-publish");
        await BrowserFixture.AssertAccessibleAsync(city);
        await LayoutChecks.AssertReadableAsync(city);
        await Assertions.Expect(city.GetByLabel("公示期（工作日），不少于10个")).ToHaveAttributeAsync("min", "10");
        await city.GetByLabel("公示期（工作日），不少于10个").FillAsync("10");
        await city.GetByRole(AriaRole.Button, new() { Name = "发布公示" }).ClickAsync();
        await Assertions.Expect(city.Locator("#notice-period")).ToContainTextAsync("共10个工作日");
        var noticeId = Guid.Parse(city.Url.Split('/').Last());
        // The city downloads the 公示 as published (GB/T 9704 Word file) from its notice page.
        var download = await city.RunAndWaitForDownloadAsync(() => city.Locator("#notice-word").ClickAsync(), new() { Timeout = 60000 });
        Assert.Equal("2026年度昆明市小型微型企业创业创新示范基地拟认定名单公示.docx", download.SuggestedFilename);
        using (var stream = new MemoryStream())
        {
            await (await download.CreateReadStreamAsync()).CopyToAsync(stream);
            using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(stream.ToArray()), false);
            var text = string.Concat(doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
            Assert.Contains("公示期为2026年11月23日至2026年12月4日（10个工作日）", text, StringComparison.Ordinal);
        }

        // A member of the public, on a phone.
        var phone = await browser.NewPageAsync(phone: true);
        await phone.GotoAsync("/Notices");
        await phone.Locator("#notices").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(phone.Locator("#notice-entries tbody tr")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(phone, "notice-public-phone");
        await BrowserFixture.AssertAccessibleAsync(phone);
        await LayoutChecks.AssertReadableAsync(phone);
        await phone.GetByRole(AriaRole.Link, new() { Name = "在线提出异议" }).ClickAsync();
        await phone.GetByLabel("异议对象").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await phone.GetByLabel("以个人真实姓名").CheckAsync();
        await phone.GetByLabel("真实姓名或单位名称").FillAsync("匿名");
        await phone.GetByLabel("联系方式（手机号码、固定电话或电子邮箱）").FillAsync("13987654321");
        await phone.GetByLabel("异议的事实和理由").FillAsync("该基地公共服务场地实际被出租给非入驻企业，与申报材料不符。");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("匿名异议不予受理");
        await phone.GetByLabel("真实姓名或单位名称").FillAsync("赵建国");
        await phone.GetByLabel("证明材料（可选，PDF、JPG 或 PNG，最多5个，合计不超过20 MB）").SetInputFilesAsync(
            new FilePayload { Name = "租赁合同.pdf", MimeType = "application/pdf", Buffer = ApplicationTestData.Pdf });
        await BrowserFixture.ScreenshotAsync(phone, "notice-objection-phone");
        await BrowserFixture.AssertAccessibleAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        var reference = (await phone.Locator("#objection-reference").TextContentAsync())!.Trim();
        Assert.Matches(@"^YY2026-", reference);
        await BrowserFixture.ScreenshotAsync(phone, "notice-objection-filed-phone");
        await phone.GotoAsync("/Notices/Objections/Status");
        await phone.GetByLabel("查询编号").FillAsync(reference);
        await phone.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#objection-status")).ToHaveTextAsync("已收到，待登记");

        // The city registers, investigates and rejects it.
        await city.GotoAsync($"/Notices/Manage/{noticeId}");
        await city.Locator("#objections tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(city.Locator("#filer-name")).ToHaveTextAsync("赵建国");
        await city.GetByRole(AriaRole.Button, new() { Name = "登记，开始调查核实" }).ClickAsync();
        await city.GetByLabel("调查核实情况").FillAsync("经实地核查和调取租赁合同，公共服务场地由入驻企业共享使用，未出租给非入驻企业。");
        await city.GetByLabel("异议不成立").CheckAsync();
        await city.GetByLabel("答复意见（提出人凭查询编号可见）").FillAsync("经调查核实，所反映问题不属实，异议不成立。感谢您的监督。");
        await BrowserFixture.ScreenshotAsync(city, "notice-objection-investigate");
        await BrowserFixture.AssertAccessibleAsync(city);
        await city.GetByRole(AriaRole.Button, new() { Name = "办结并答复" }).ClickAsync();
        await Assertions.Expect(city.Locator("#conclusion")).ToHaveTextAsync("异议不成立");
        await phone.GotoAsync("/Notices/Objections/Status");
        await phone.GetByLabel("查询编号").FillAsync(reference);
        await phone.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#objection-conclusion")).ToHaveTextAsync("异议不成立");

        // After the period (Saturday 12-05 in Beijing): the collective decision and the announcement.
        browser.App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero));
        city = await browser.SignedInPageAsync("km.city"); // two weeks later: a new session
        await city.GotoAsync($"/Decisions/Notices/{noticeId}");
        await city.GetByLabel("会议日期").FillAsync("2026-12-05");
        await city.GetByLabel("会议名称").FillAsync("局长办公会");
        await city.GetByLabel("参会人员（每行一人：姓名，身份，如“张三，主持人”）").FillAsync("王强，主持人\n李娜，参会委员\n张伟，参会委员\n刘洋，参会委员\n赵敏，记录人");
        await city.GetByLabel("应到人数").FillAsync("5");
        await city.GetByLabel("实到人数").FillAsync("4");
        await city.GetByLabel("到会人数符合本机关集体决策的议事规则").CheckAsync();
        await city.GetByLabel("会议纪要（PDF、Word、JPG 或 PNG）").SetInputFilesAsync(
            new FilePayload { Name = "会议纪要.pdf", MimeType = "application/pdf", Buffer = ApplicationTestData.Pdf });
        await BrowserFixture.ScreenshotAsync(city, "decision-meeting");
        await BrowserFixture.AssertAccessibleAsync(city);
        await city.GetByRole(AriaRole.Button, new() { Name = "记录认定决定" }).ClickAsync();
        await Assertions.Expect(city.Locator("#quorum")).ToContainTextAsync("应到5人，实到4人");
        await city.GetByLabel("公告文号").FillAsync("昆工信发〔2026〕120号");
        await city.GetByLabel("公告日期").FillAsync("2026-12-05");
        await city.GetByRole(AriaRole.Button, new() { Name = "发布公告" }).ClickAsync();
        await Assertions.Expect(city.Locator("#announcement")).ToContainTextAsync("昆工信发〔2026〕120号");
        await BrowserFixture.ScreenshotAsync(city, "decision-announced");
        await BrowserFixture.AssertAccessibleAsync(city);
        await LayoutChecks.AssertReadableAsync(city);

        var announcement = await browser.NewPageAsync(phone: true);
        await announcement.GotoAsync($"/Decisions/Notices/{noticeId}/Announcement");
        await Assertions.Expect(announcement.Locator("#designated tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(announcement.Locator("#designated")).ToContainTextAsync("2029年12月5日");
        await BrowserFixture.ScreenshotAsync(announcement, "decision-announcement-phone");
        await BrowserFixture.AssertAccessibleAsync(announcement);
        await LayoutChecks.AssertReadableAsync(announcement);
        var designations = await data.Db(db => db.Set<Designation>().Where(d => d.AnnouncementNumber == "昆工信发〔2026〕120号").ToListAsync());
        Assert.Equal(2, designations.Count);
        Assert.All(designations, d => Assert.Equal(new DateOnly(2029, 12, 5), d.ValidUntil));
    }
}
