using Exemplar.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Certificates;

/// <summary>
/// 补发: 昆明's officer reissues the 五华 demo certificate (KM-2023-015) reported lost — refused until the loss is explained
/// and the voiding confirmed — and the old number then reads 已补发（作废）on a phone. Clock: 2026-11-21.
/// </summary>
public sealed class ReissueJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_officer_reissues_a_lost_certificate_and_the_old_one_reads_as_void()
    {
        var page = await browser.SignedInPageAsync("km.city");
        await page.GotoAsync("/Designations");
        await page.Locator("#designations tr", new() { HasText = "五华科技创业示范园" }).GetByRole(AriaRole.Link, new() { Name = "换发或补发" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reissue-current")).ToContainTextAsync("KM-2023-015");
        await BrowserFixture.ScreenshotAsync(page, "certificates-1-reissue-form");
        await BrowserFixture.AssertAccessibleAsync(page);
        await LayoutChecks.AssertReadableAsync(page);

        await page.GetByLabel("补发：证书遗失").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认并签发新证书" }).ClickAsync();
        await Assertions.Expect(page.Locator("#errors")).ToContainTextAsync("补发的，请说明证书遗失的情况");
        await Assertions.Expect(page.Locator("#errors")).ToContainTextAsync("请勾选确认：补发后原证书（KM-2023-015）即日作废。");
        await BrowserFixture.ScreenshotAsync(page, "certificates-2-reissue-refused");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("补发：证书遗失").CheckAsync();
        await page.GetByLabel("情况说明（补发必填）").FillAsync("2026年11月10日搬迁时遗失，已于11月15日登报声明作废。");
        await page.GetByLabel("我确认").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认并签发新证书" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Designations$"));
        var row = page.Locator("#designations tr", new() { HasText = "五华科技创业示范园" });
        await Assertions.Expect(row).ToContainTextAsync("ZS2026-");
        await BrowserFixture.ScreenshotAsync(page, "certificates-3-designations-after");
        await page.Context.CloseAsync();

        // The operator is told, and 我的证书 offers the new certificate.
        var own = await browser.SignedInPageAsync("km.applicant");
        await own.GotoAsync("/Notifications");
        await Assertions.Expect(own.Locator("main")).ToContainTextAsync("证书已补发（新证书编号 ZS2026-");
        await own.GotoAsync("/Certificates/Own");
        await Assertions.Expect(own.Locator("#own-designations tr", new() { HasText = "五华科技创业示范园" })).ToContainTextAsync("核验 ZS2026-");
        await BrowserFixture.ScreenshotAsync(own, "certificates-3b-own-after-reissue");
        await BrowserFixture.AssertAccessibleAsync(own);
        await LayoutChecks.AssertReadableAsync(own);
        await own.Context.CloseAsync();

        var phone = await browser.NewPageAsync(phone: true);
        await phone.GotoAsync("/Verify/KM-2023-015");
        await Assertions.Expect(phone.Locator("#verify-result")).ToContainTextAsync("证书已补发（作废）：认定机关已于2026年11月21日补发新证书，本证书同日作废");
        await BrowserFixture.ScreenshotAsync(phone, "certificates-4-verify-void-phone");
        await BrowserFixture.AssertAccessibleAsync(phone);
        await LayoutChecks.AssertReadableAsync(phone);
        await phone.GotoAsync("/Verify/Keys");
        await Assertions.Expect(phone.Locator("#offline-commands")).ToContainTextAsync("openssl dgst -sha256");
        await BrowserFixture.ScreenshotAsync(phone, "certificates-5-keys-phone");
        await BrowserFixture.AssertAccessibleAsync(phone);
        await LayoutChecks.AssertReadableAsync(phone);
        await phone.Context.CloseAsync();
    }
}
