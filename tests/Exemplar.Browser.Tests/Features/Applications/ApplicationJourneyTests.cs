using Exemplar.Browser.Tests.Infrastructure;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Tests.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Applications;

/// <summary>
/// The Kunming base's operator applies to the 2026 call in a browser and gets a receipt; the 五华区 officer returns one
/// material for correction; the operator replaces it and submits version 2 under the same receipt number (issue 11).
/// </summary>
public sealed class ApplicationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_operator_applies_the_county_returns_a_material_and_the_operator_resubmits()
    {
        var data = new ApplicationTestData(browser.App.Services);
        var callId = await data.CallIdAsync();
        var page = await browser.SignedInPageAsync("km.applicant");

        await page.GotoAsync("/Calls");
        await page.GetByRole(AriaRole.Link, new() { Name = CallDemoSeeder.KunmingTitle }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(CallDemoSeeder.KunmingTitle);
        await BrowserFixture.ScreenshotAsync(page, "call-detail-applicant");
        await page.Locator("tr", new() { HasText = "昆明五华创新创业园" }).GetByRole(AriaRole.Button, new() { Name = "开始申报" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("昆明五华创新创业园");
        var id = Guid.Parse(page.Url.Split("/Applications/")[1][..36]);
        await LayoutChecks.AssertReadableAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "application-draft");

        // The details, the locked report, the stamped materials and the declaration go through the same handlers the forms post to.
        await data.CompleteAsync(id);

        await page.GotoAsync($"/Applications/{id}/Submit");
        // The report was locked: the check and the submission go by the locked data, and the page says so.
        await Assertions.Expect(page.Locator("#locked-basis")).ToContainTextAsync("锁定的申请报告数据，提交的也是这份数据");
        // Nothing in the ledger moved since the lock; the stamped materials uploaded after it are no change of the data.
        await Assertions.Expect(page.Locator("#locked-drift")).ToHaveTextAsync("按当前台账计算的申报数据与锁定时一致。");
        await BrowserFixture.ScreenshotAsync(page, "application-submit");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认提交" }).ClickAsync();
        await Assertions.Expect(page.Locator("#receipt-number")).ToHaveTextAsync("KM-2026-0001");
        await LayoutChecks.AssertReadableAsync(page);
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "application-receipt");

        var officer = await browser.SignedInPageAsync("km.wuhua");
        await officer.GotoAsync("/Applications");
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("KM-2026-0001");
        await LayoutChecks.AssertReadableAsync(officer);
        await BrowserFixture.ScreenshotAsync(officer, "applications-list-county");
        await officer.GotoAsync($"/Applications/{id}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "退回补正" }).ClickAsync();
        var slot = await data.WithAsync((_, db) => db.Set<CallMaterialSlot>().Where(s => s.CallId == callId && s.Required && !s.Generated && !s.IsDeclaration)
            .OrderBy(s => s.Order).Select(s => new { s.Id, s.Text }).FirstAsync());
        await officer.GetByLabel($"{slot.Text} 的补正原因").FillAsync("扫描件不清晰，请重新上传加盖公章的清晰扫描件。");
        await officer.GetByLabel("退回理由（总体说明）").FillAsync("个别材料不清晰。");
        await BrowserFixture.ScreenshotAsync(officer, "application-return-form");
        await officer.GetByRole(AriaRole.Button, new() { Name = "退回补正" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".notice.success")).ToContainTextAsync("已退回补正");

        await page.GotoAsync($"/Applications/{id}/Materials");
        var row = page.Locator($"tr[data-slot='{slot.Id}']");
        // The file picker speaks Chinese whatever language the browser draws its own controls in.
        await Assertions.Expect(row.Locator(".file-picker-button")).ToHaveTextAsync("选择文件");
        await Assertions.Expect(row.Locator(".file-picker-names")).ToHaveTextAsync("未选择文件");
        await row.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "清晰扫描件.pdf", MimeType = "application/pdf", Buffer = [.. ApplicationTestData.Pdf, (byte)'\n'] });
        await Assertions.Expect(row.Locator(".file-picker-names")).ToHaveTextAsync("清晰扫描件.pdf");
        await row.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-slot='{slot.Id}']")).ToContainTextAsync("清晰扫描件.pdf");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "本次无需修改" }).First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "application-correction-materials");

        await page.GotoAsync($"/Applications/{id}/Submit");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认提交" }).ClickAsync();
        await Assertions.Expect(page.Locator("#receipt-number")).ToHaveTextAsync("KM-2026-0001");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("第2版（补正后提交）");
        Assert.Equal(ApplicationStatus.Submitted, await data.WithAsync((_, db) => db.Set<Application>().Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        await page.Context.CloseAsync();
        await officer.Context.CloseAsync();
    }
}
