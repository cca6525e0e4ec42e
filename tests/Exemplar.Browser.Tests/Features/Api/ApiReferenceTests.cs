using Exemplar.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Api;

/// <summary>“开放接口说明” opens a readable API reference that loads nothing from outside the site (政务外网 has no internet).</summary>
public sealed class ApiReferenceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_API_reference_renders_from_the_site_alone()
    {
        var page = await browser.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "开放接口说明" }).ClickAsync();
        await page.WaitForURLAsync("**/api/v1/docs**");
        await Assertions.Expect(page.GetByText("/api/v1/carriers").First).ToBeVisibleAsync(new() { Timeout = 30000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, "api-reference");
        var origin = new Uri(browser.BaseUrl).GetLeftPart(UriPartial.Authority);
        var outside = requests.Where(u => !u.StartsWith(origin, StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(outside.Count == 0, "Requests that left the site:\n" + string.Join("\n", outside));
        Assert.Contains(requests, u => u.EndsWith("/api/v1/openapi.json", StringComparison.Ordinal));
        // The JSON itself stays where scripts read it.
        var json = await page.APIRequest.GetAsync("/api/v1/openapi.json");
        Assert.Equal(200, json.Status);
        Assert.Contains("示范基地", await json.TextAsync());
        await page.Context.CloseAsync();
    }
}
