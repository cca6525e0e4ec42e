using Exemplar.Browser.Tests.Infrastructure;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Policies;

/// <summary>An applicant (anonymous) checks the example Kunming profile, which fails one condition.</summary>
public sealed class SelfCheckJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Kunming_example_shows_the_failing_condition_its_article_and_the_shortfall()
    {
        var json = await File.ReadAllTextAsync(Path.Combine(TestDatabase.RepositoryRoot(), "policies", "examples", "kunming-profile.example.json"));
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "条件自查" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("条件自查");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.Locator("#json-policy").SelectOptionAsync("kunming-base-2022");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "档案 JSON" }).FillAsync(json);
        await page.GetByRole(AriaRole.Button, new() { Name = "按 JSON 自查" }).ClickAsync();

        var row = page.Locator("article[data-policy=kunming-base-2022] tr[data-condition=resident-count]");
        await Assertions.Expect(row.Locator(".citation")).ToHaveTextAsync("第六条第（三）项");
        await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("未达标");
        await Assertions.Expect(row.Locator(".shortfall")).ToHaveTextAsync("还差 3 家");
        await Assertions.Expect(page.Locator("article[data-policy=kunming-base-2022] tr.result-row .status-notmet")).ToHaveCountAsync(1); // only this condition fails
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印结果" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "policies-self-check-kunming");
        await page.Locator("article[data-policy=kunming-base-2022]").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "policies-self-check-kunming-result.png") });
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Library_programme_and_comparison_pages_are_accessible()
    {
        var page = await browser.NewPageAsync();
        foreach (var (url, name) in new[] { ("/Policies", "policies-library"), ("/Policies/kunming-base-2022", "policies-kunming"), ("/Policies/Compare", "policies-compare") })
        {
            await page.GotoAsync(url);
            await BrowserFixture.ScreenshotAsync(page, name);
            await BrowserFixture.AssertAccessibleAsync(page);
        }

        await page.Context.CloseAsync();
    }
}
