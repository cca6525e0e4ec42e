using Exemplar.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Ledger;

/// <summary>
/// The ledger list and the annual metrics at a desktop width (1366 px) and a phone width (390 px): screenshots, no cell
/// narrower than two characters, nothing sticking out of its card, no serious accessibility violation. An officer who
/// follows an anomaly's “查看记录” reads the entry instead of being refused.
/// </summary>
public sealed class ReadablePagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task The_ledger_list_and_the_metrics_read_well_at_desktop_and_phone_width(int width)
    {
        var page = await browser.SignedInPageAsync("km.applicant", width: width);
        await page.GotoAsync("/Base");
        await page.GetByRole(AriaRole.Link, new() { Name = "昆明五华创新创业园", Exact = true }).ClickAsync();
        var baseUrl = new Uri(page.Url).AbsolutePath;

        await page.GotoAsync(baseUrl + "/Ledger");
        await Assertions.Expect(page.Locator("nav[aria-label=基地记录] a[aria-current=page]")).ToHaveTextAsync("服务台账");
        await BrowserFixture.ScreenshotAsync(page, $"ledger-list-{width}");
        await LayoutChecks.AssertReadableAsync(page);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync(baseUrl + "/Metrics/2025");
        await Assertions.Expect(page.Locator("nav[aria-label=基地记录] a[aria-current=page]")).ToHaveTextAsync("年度指标");
        // Kunming's eight functions, each with its threshold; not the other programmes' 产业链服务, 技术服务, 创业服务.
        await Assertions.Expect(page.Locator("#volumes tbody tr")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("#volumes tr[data-function=IndustryChainService]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#volumes tr[data-function=InformationService] td.requirement")).ToContainTextAsync("年服务企业50家次以上");
        await Assertions.Expect(page.Locator("#programme")).ToContainTextAsync("昆明市小型微型企业创业创新示范基地认定管理办法");
        await BrowserFixture.ScreenshotAsync(page, $"ledger-metrics-{width}");
        await LayoutChecks.AssertReadableAsync(page);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_officer_follows_an_anomaly_to_a_read_only_entry()
    {
        var page = await browser.SignedInPageAsync("km.wuhua");
        await page.GotoAsync("/Base");
        await page.GetByRole(AriaRole.Link, new() { Name = "昆明五华创新创业园", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "年度指标" }).ClickAsync();
        await page.Locator("#anomalies a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("台账记录");
        await Assertions.Expect(page.Locator("#entry")).ToContainTextAsync("服务功能");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "修改本条记录" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "ledger-entry-officer");
        await LayoutChecks.AssertReadableAsync(page);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
