using System.Globalization;
using System.Text.RegularExpressions;
using Exemplar.Web.Tests.Infrastructure;

namespace Exemplar.Web.Tests.Features.Applications;

/// <summary>
/// The figures an application takes from the ledger are the figures the carrier's metrics page shows for the same year:
/// one computation, not two that could drift (issue 11).
/// </summary>
public sealed partial class ProfileMatchesMetricsTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    [Fact]
    public async Task Every_ledger_figure_of_the_draft_equals_the_metrics_page_of_its_data_year()
    {
        using var _ = app.CreateClient();
        var data = new ApplicationTestData(app.Services);
        var id = await data.StartAsync(await data.CallIdAsync(), "昆明五华创新创业园");
        var (carrier, _, _) = await data.CarrierAsync("昆明五华创新创业园");
        using var client = await app.SignedInAsync("km.applicant");

        // The demo Kunming call's reference date is in 2026, so the draft's data year is 2025.
        var profile = await client.GetDocumentAsync($"/Applications/{id}/Profile");
        var metrics = await client.GetDocumentAsync($"/Base/{carrier}/Metrics/2025");
        var fromLedger = profile.QuerySelectorAll("#facts tr[data-fact]")
            .Select(r => (Key: r.GetAttribute("data-fact")!, Cell: r.QuerySelectorAll("td")[0].TextContent))
            .Where(r => !r.Cell.Contains("台账无此项")).ToDictionary(r => r.Key, r => Numbers(r.Cell));
        var shown = metrics.QuerySelectorAll("tr[data-fact]").ToDictionary(r => r.GetAttribute("data-fact")!, r => Numbers(r.QuerySelectorAll("td")[1].TextContent));

        Assert.True(fromLedger.Count >= 10, $"the draft takes {fromLedger.Count} figures from the ledger");
        var compared = 0;
        foreach (var (key, numbers) in fromLedger)
        {
            if (!shown.TryGetValue(key, out var onMetrics)) continue;
            Assert.True(numbers.SequenceEqual(onMetrics), $"{key}: 申报 {string.Join(",", numbers)} ≠ 统计页 {string.Join(",", onMetrics)}");
            compared++;
        }
        Assert.True(compared >= 10, $"only {compared} figures appear on both pages");
    }

    private static List<decimal> Numbers(string text) => NumberPattern().Matches(text)
        .Select(m => Math.Round(decimal.Parse(m.Value, CultureInfo.InvariantCulture), 2)).ToList();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();
}
