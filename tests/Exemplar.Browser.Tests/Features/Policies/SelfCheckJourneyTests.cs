using Exemplar.Browser.Tests.Infrastructure;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Policies;

/// <summary>
/// An applicant (anonymous) checks the example Kunming profile, which fails one condition; an operator checks its
/// carrier from its page. Screenshots at 1366 px and at phone width; no table cell narrower than two Chinese characters
/// and nothing wider than its card (issue 9).
/// </summary>
public sealed class SelfCheckJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task<IPage> PageAsync(BrowserFixture browser, bool phone)
    {
        var page = await browser.NewPageAsync(phone);
        if (!phone)
        {
            await page.SetViewportSizeAsync(1366, 900);
        }

        return page;
    }

    /// <summary>Every visible table cell with text is at least two characters wide; no card and not the page scrolls sideways.</summary>
    private static async Task AssertReadableAsync(IPage page)
    {
        var narrow = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main td, main th')]
              .filter(c => c.offsetParent !== null && c.textContent.trim().length > 0)
              .filter(c => c.getBoundingClientRect().width < 2 * parseFloat(getComputedStyle(c).fontSize))
              .map(c => c.textContent.trim().slice(0, 20))
            """);
        Assert.True(narrow.Length == 0, $"{page.Url}: cells narrower than two characters: {string.Join(" | ", narrow)}");
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main .card, main article')]
              .filter(c => c.offsetParent !== null && c.scrollWidth > c.clientWidth + 1)
              .map(c => (c.id || c.className) + ' ' + c.scrollWidth + '>' + c.clientWidth)
            """);
        Assert.True(overflowing.Length == 0, $"{page.Url}: content wider than its card: {string.Join(" | ", overflowing)}");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url}: the page scrolls sideways");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Kunming_example_shows_the_failing_condition_its_article_and_the_shortfall(bool phone)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(TestDatabase.RepositoryRoot(), "policies", "examples", "kunming-profile.example.json"));
        var page = await PageAsync(browser, phone);
        await page.GotoAsync("/Policies/SelfCheck");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("条件自查");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.Locator("#json-policy").SelectOptionAsync("kunming-base-2022");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "档案 JSON" }).FillAsync(json);
        await page.GetByRole(AriaRole.Button, new() { Name = "按 JSON 自查" }).ClickAsync();

        // Summary first: the verdict and the one unmet condition with its shortfall.
        var summary = page.Locator(".summary-card[data-policy=kunming-base-2022]");
        await Assertions.Expect(summary.Locator(".verdict")).ToHaveTextAsync("不符合");
        await Assertions.Expect(summary.Locator(".summary-notmet li")).ToHaveCountAsync(1);
        await Assertions.Expect(summary.Locator(".summary-notmet li")).ToContainTextAsync("第六条第（三）项");
        await Assertions.Expect(summary.Locator(".summary-notmet li")).ToContainTextAsync("还差 3 家");

        var row = page.Locator("article[data-policy=kunming-base-2022] tr[data-condition=resident-count]");
        await Assertions.Expect(row.Locator(".citation")).ToHaveTextAsync("第六条第（三）项");
        await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("未达标");
        await Assertions.Expect(row.Locator(".shortfall")).ToHaveTextAsync("还差 3 家");
        await Assertions.Expect(page.Locator("article[data-policy=kunming-base-2022] tr.result-row > td.state .status-notmet")).ToHaveCountAsync(1);
        // 第六条第（七）项 once, its two branches under it.
        await Assertions.Expect(page.Locator("article[data-policy=kunming-base-2022] tr.result-row th.citation", new() { HasTextString = "第六条第（七）项" })).ToHaveCountAsync(2); // area + facilities
        await Assertions.Expect(page.Locator("tr[data-condition=site-area] li.branch")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".self-check-result")).Not.ToContainTextAsync("producerServices");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印结果" })).ToBeVisibleAsync();
        var size = phone ? "phone" : "1366";
        await BrowserFixture.ScreenshotAsync(page, $"policies-self-check-kunming-{size}");
        await page.Locator("article[data-policy=kunming-base-2022]").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"policies-self-check-kunming-result-{size}.png") });
        await AssertReadableAsync(page);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_form_is_grouped_and_refuses_an_absurd_value_in_chinese()
    {
        var page = await PageAsync(browser, phone: true);
        await page.GotoAsync("/Policies/SelfCheck");
        await Assertions.Expect(page.Locator("details.form-group[data-group=residents]")).Not.ToHaveAttributeAsync("open", "");
        await page.Locator("details.form-group[data-group=residents] > summary").ClickAsync();
        await page.Locator("details.form-group[data-group=service] > summary").ClickAsync();
        await page.GetByLabel("入驻小微企业数（家）").FillAsync("45");
        await page.GetByLabel("入驻小微企业服务满意度（%）").FillAsync("150");
        await page.Locator("#form-policy").SelectOptionAsync("kunming-base-2022");
        // The browser's own range hint is a convenience; the server decides: submit past it.
        await page.EvaluateAsync("() => document.querySelector('form.fact-form').noValidate = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始自查" }).ClickAsync();
        await Assertions.Expect(page.Locator("#errors")).ToContainTextAsync("“入驻小微企业服务满意度”应在 0 至 100%之间，您填写了 150。");
        await BrowserFixture.ScreenshotAsync(page, "policies-self-check-form-error-phone");

        await page.Locator("details.form-group[data-group=service] > summary").IsVisibleAsync();
        await page.GetByLabel("入驻小微企业服务满意度（%）").FillAsync("85");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始自查" }).ClickAsync();
        await Assertions.Expect(page.Locator(".summary-card[data-policy=kunming-base-2022] .summary-missing")).ToContainTextAsync("基地成立日期");
        await Assertions.Expect(page.Locator("tr[data-condition=satisfaction] .state")).ToHaveTextAsync("达标");
        await BrowserFixture.ScreenshotAsync(page, "policies-self-check-form-result-phone");
        await AssertReadableAsync(page);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_operator_checks_its_carrier_in_one_click_from_the_carrier_page()
    {
        var page = await browser.SignedInPageAsync("km.applicant");
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/Base");
        await page.GetByRole(AriaRole.Link, new() { Name = "昆明五华创新创业园", Exact = true }).First.ClickAsync();
        await page.Locator("a.self-check-link").ClickAsync();
        await Assertions.Expect(page.Locator(".ledger-source")).ToContainTextAsync("2025 年度");
        await Assertions.Expect(page.Locator(".evaluation-summary .summary-card")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator(".summary-card[data-policy=kunming-base-2022] .verdict")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("[data-fact=residentSmallMicroCount] .source-tag")).ToHaveTextAsync("来自台账");
        await BrowserFixture.ScreenshotAsync(page, "policies-self-check-from-ledger-1366");
        await AssertReadableAsync(page);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Library_programme_and_comparison_pages_are_readable_and_accessible(bool phone)
    {
        var page = await PageAsync(browser, phone);
        var size = phone ? "phone" : "1366";
        foreach (var (url, name) in new[]
                 {
                     ("/Policies", "policies-library"), ("/Policies/kunming-base-2022", "policies-kunming"), ("/Policies/beijing-base", "policies-beijing"),
                     ("/Policies/Compare?p=kunming-base-2022&p=beijing-base", "policies-compare"),
                 })
        {
            await page.GotoAsync(url);
            await BrowserFixture.ScreenshotAsync(page, $"{name}-{size}");
            await AssertReadableAsync(page);
            await BrowserFixture.AssertAccessibleAsync(page);
        }

        await page.Context.CloseAsync();
    }
}
