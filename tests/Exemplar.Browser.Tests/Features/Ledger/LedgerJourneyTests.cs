using System.Text;
using Exemplar.Browser.Tests.Infrastructure;
using Exemplar.Domain.Ledger;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Features.Ledger;

/// <summary>
/// An operator records a service through the form, imports a ledger file with one bad row and sees the row
/// named, fixes the file, imports it, and sees the annual metric grow by exactly what she recorded.
/// </summary>
public sealed class LedgerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Header = string.Join(",", ImportLayout.Ledger.Columns.Select(c => c.Header));

    // Two 投融资服务 entries from outside companies: 1 + 2 = 3 家次, 1 次 (the 活动), 1 + 40 = 41 人次.
    private static string LedgerCsv(string eventDate) =>
        Header + "\r\n"
        + "投融资服务,2025-06-20,基地服务大厅,一对一服务,,,外区企业丁,1,公益免费,,融资需求,对接银行1家,满意\r\n"
        + $"投融资服务,{eventDate},基地一楼路演厅,活动,银企对接,,外区企业乙、外区企业丙,40,公益免费,,,银企对接会,满意\r\n";

    private static async Task<(int Visits, int Events, int Persons)> FinancingAsync(IPage page, string metricsUrl)
    {
        await page.GotoAsync(metricsUrl);
        async Task<int> Cell(string measure) =>
            int.Parse(await page.Locator($"tr[data-function=Financing] a[data-measure={measure}]").InnerTextAsync());
        return (await Cell("EnterpriseVisits"), await Cell("Events"), await Cell("PersonTimes"));
    }

    private static async Task UploadAsync(IPage page, string csv)
    {
        var ledger = page.Locator("section[aria-labelledby=title-ledger]");
        await ledger.GetByLabel("选择要导入的服务台账文件（.xlsx 或 .csv）").SetInputFilesAsync(new FilePayload
        {
            Name = "服务台账.csv", MimeType = "text/csv", Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)],
        });
        await ledger.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Import/[0-9a-f-]{36}$"));
    }

    [Fact]
    public async Task An_operator_records_an_entry_imports_fixes_a_bad_row_and_sees_the_metric_change()
    {
        var page = await browser.SignedInPageAsync("km.applicant");
        await page.GotoAsync("/Base");
        await page.GetByRole(AriaRole.Link, new() { Name = "昆明五华创新创业园", Exact = true }).ClickAsync();
        var baseUrl = new Uri(page.Url).AbsolutePath;
        var metricsUrl = baseUrl + "/Metrics/2025";
        var before = await FinancingAsync(page, metricsUrl);

        // 1. One entry through the form: an event with one resident and one outside company — 2 家次, 1 次, 25 人次.
        await page.GotoAsync(baseUrl + "/Ledger/Edit");
        await page.GetByLabel("服务功能").SelectOptionAsync("Financing");
        await page.GetByLabel("服务日期").FillAsync("2025-06-18");
        await page.GetByLabel("服务地点").FillAsync("基地一楼路演厅");
        await page.GetByLabel("服务形式").SelectOptionAsync("Event");
        await page.GetByLabel("参与人数").FillAsync("25");
        await page.GetByLabel("收费类别").SelectOptionAsync("Free");
        await page.Locator("input[name=ResidentIds]").First.CheckAsync();
        await page.GetByLabel("其他参与企业（非入驻，用顿号分隔）").FillAsync("外区企业甲");
        await page.GetByLabel("企业反馈").FillAsync("满意");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.success")).ToBeVisibleAsync();

        // 2. A file whose third row has an impossible date: nothing is imported, the row is named.
        await page.GotoAsync(baseUrl + "/Import");
        await BrowserFixture.ScreenshotAsync(page, "ledger-import");
        await BrowserFixture.AssertAccessibleAsync(page);
        await UploadAsync(page, LedgerCsv("2025-13-01"));
        await Assertions.Expect(page.Locator("#errors")).ToContainTextAsync("有错误，未导入");
        var bad = page.Locator("#report tbody tr[data-severity=Error]");
        await Assertions.Expect(bad).ToHaveCountAsync(1);
        await Assertions.Expect(bad.Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Assertions.Expect(bad.Locator("td").Nth(1)).ToHaveTextAsync("B（服务日期）");
        await Assertions.Expect(bad.Locator("td").Nth(3)).ToContainTextAsync("日期“2025-13-01”无法识别");
        await BrowserFixture.ScreenshotAsync(page, "ledger-import-error-report");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Equal((before.Visits + 2, before.Events + 1, before.Persons + 25), await FinancingAsync(page, metricsUrl));

        // 3. Fixed, the same file imports.
        await page.GotoAsync(baseUrl + "/Import");
        await UploadAsync(page, LedgerCsv("2025-06-28"));
        await Assertions.Expect(page.Locator("#import-outcome")).ToContainTextAsync("已导入台账记录 2 条");
        await BrowserFixture.ScreenshotAsync(page, "ledger-import-success");

        // 4. The metric moved by exactly the form entry plus the file: 2 + 3 家次, 1 + 1 次, 25 + 41 人次.
        await page.GetByRole(AriaRole.Link, new() { Name = "查看年度指标" }).ClickAsync();
        var after = await FinancingAsync(page, metricsUrl);
        Assert.Equal((before.Visits + 5, before.Events + 2, before.Persons + 66), after);
        await BrowserFixture.ScreenshotAsync(page, "ledger-metrics-after-import");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
