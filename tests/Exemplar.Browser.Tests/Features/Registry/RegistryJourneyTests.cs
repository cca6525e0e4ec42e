using Exemplar.Browser.Tests.Infrastructure;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Registry;

/// <summary>
/// A member of the public scans the 昆明 demo base's certificate (KM-2023-015) on a phone, then finds the base in the
/// registry by region (云南省 › 昆明市 › 五华区) and leading industry, on a phone and on a desktop. Clock: 2026-11-21.
/// </summary>
public sealed class RegistryJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<string> QrPathAsync()
    {
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var certificate = await db.Set<IssuedCertificate>().AsNoTracking().SingleAsync(c => c.Number == "KM-2023-015");
        // Exactly what the printed certificate's QR code carries; the test server's address replaces the public one.
        var url = new Uri(CertificateVerification.QrUrl(scope.ServiceProvider.GetRequiredService<PublicUrls>(), certificate));
        return url.PathAndQuery;
    }

    [Fact]
    public async Task The_certificate_qr_code_opens_the_verification_page_on_a_phone()
    {
        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync(await QrPathAsync());
        await Assertions.Expect(page.Locator("#verify-result")).ToContainTextAsync("证书真实，称号在有效期内");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("五华科技创业示范园");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("2023年12月15日至2026年12月15日");
        await BrowserFixture.ScreenshotAsync(page, "registry-1-verify-phone");
        await BrowserFixture.AssertAccessibleAsync(page);
        await LayoutChecks.AssertReadableAsync(page);

        await page.GotoAsync("/Verify/KM-2099-999");
        await Assertions.Expect(page.Locator("#verify-result")).ToContainTextAsync("未找到证书编号为“KM-2099-999”的证书");
        await BrowserFixture.ScreenshotAsync(page, "registry-2-verify-unknown-phone");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(false, "desktop")]
    [InlineData(true, "phone")]
    public async Task The_registry_finds_the_base_by_region_and_industry(bool phone, string size)
    {
        var page = await browser.NewPageAsync(phone: phone);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "示范基地名录" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#registry-total")).ToHaveTextAsync("4");
        await BrowserFixture.ScreenshotAsync(page, $"registry-3-all-{size}");
        await BrowserFixture.AssertAccessibleAsync(page);
        await LayoutChecks.AssertReadableAsync(page);

        var regions = page.Locator("#facet-regions");
        await regions.GetByRole(AriaRole.Link, new() { Name = "云南省" }).ClickAsync();
        await regions.GetByRole(AriaRole.Link, new() { Name = "昆明市" }).ClickAsync();
        await regions.GetByRole(AriaRole.Link, new() { Name = "五华区" }).ClickAsync();
        await Assertions.Expect(page.Locator("#registry-total")).ToHaveTextAsync("1");
        await page.Locator("#facet-industries").GetByRole(AriaRole.Link, new() { Name = "研发设计" }).ClickAsync();
        await Assertions.Expect(page.Locator("#registry-total")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#registry tbody")).ToContainTextAsync("五华科技创业示范园");
        await Assertions.Expect(page.Locator("#registry tbody")).ToContainTextAsync("有效");
        await BrowserFixture.ScreenshotAsync(page, $"registry-4-found-{size}");
        await BrowserFixture.AssertAccessibleAsync(page);
        await LayoutChecks.AssertReadableAsync(page);

        await page.Locator("#registry tbody").GetByRole(AriaRole.Link, new() { Name = "五华科技创业示范园" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.history")).ToContainTextAsync("颁发证书，证书编号 KM-2023-015");
        await Assertions.Expect(page.Locator("table.history")).ToContainTextAsync("变更：运营场地扩建至二期");
        await BrowserFixture.ScreenshotAsync(page, $"registry-5-base-{size}");
        await BrowserFixture.AssertAccessibleAsync(page);
        await LayoutChecks.AssertReadableAsync(page);
        await page.Context.CloseAsync();
    }
}
