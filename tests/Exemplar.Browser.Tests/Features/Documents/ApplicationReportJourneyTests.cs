using DocumentFormat.OpenXml.Packaging;
using Exemplar.Browser.Tests.Infrastructure;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Exemplar.Browser.Tests.Features.Documents;

public sealed class ApplicationReportJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_operator_locks_the_report_and_downloads_it_as_word_from_the_report_page()
    {
        var id = await StartAsync("盘龙众创空间");
        var page = await browser.SignedInPageAsync("km.applicant2");
        await page.GotoAsync($"/Applications/{id}/Report");
        await Assertions.Expect(page.Locator(".notice.warning")).ToContainTextAsync("这是预览");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "下载申请报告（Word）" })).ToHaveCountAsync(0);

        await page.GotoAsync($"/Applications/{id}/Materials");
        await page.GetByRole(AriaRole.Button, new() { Name = "生成申请报告并锁定数据" }).ClickAsync();
        // Locking opens the report as locked.
        await page.WaitForURLAsync($"**/Applications/{id}/Report");
        await Assertions.Expect(page.Locator("p.notice.success")).ToContainTextAsync("锁定的数据生成");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "application-report-word");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载申请报告（Word）" }).ClickAsync(),
            new() { Timeout = 60000 }); // the machine is shared: generation can take a while under load
        Assert.Equal("盘龙众创空间-示范基地认定申请报告.docx", download.SuggestedFilename);
        using var stream = new MemoryStream();
        await (await download.CreateReadStreamAsync()).CopyToAsync(stream);
        using var doc = WordprocessingDocument.Open(new MemoryStream(stream.ToArray()), false);
        var text = doc.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(text, p => p.StartsWith("基地名称：盘龙众创空间", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith("申请单位（公章）：昆明盘龙众创空间管理有限公司", StringComparison.Ordinal));
        Assert.Contains("昆明市工业和信息化局制", text);
        await page.Context.CloseAsync();
    }

    /// <summary>Starts the carrier's application in the Kunming call through the real handler.</summary>
    private async Task<Guid> StartAsync(string carrierName)
    {
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var call = await db.Set<Call>().Where(c => c.Title == CallDemoSeeder.KunmingTitle).Select(c => c.Id).SingleAsync();
        var carrier = await db.Set<Carrier>().SingleAsync(c => c.Name == carrierName);
        var user = await db.Set<UserAccount>().Where(u => u.OrganizationId == carrier.OrganizationId).OrderBy(u => u.UserName).Select(u => u.Id).FirstAsync();
        var r = await scope.ServiceProvider.GetRequiredService<StartApplicationHandler>()
            .HandleAsync(new StartApplicationCommand(call, carrier.Id, carrier.OrganizationId, user), default);
        Assert.True(r.Ok, string.Join(" ", r.Errors.SelectMany(e => e.Value)));
        return r.Id!.Value;
    }
}
