using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Exemplar.Web.Features.Evaluations;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Evaluations;

/// <summary>
/// 择优推荐 (昆明第二十一条): the valid bases ranked by their confirmed evaluation total, then services, then satisfaction;
/// the authority's reason per candidate; the candidates exported as XLSX.
/// </summary>
public sealed class RecommendationTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    [Fact]
    public async Task Bases_rank_by_evaluation_total_with_an_unevaluated_base_last_and_the_chosen_ones_export_with_their_reasons()
    {
        var d = new EvaluationTestData(app.Services);
        _ = app.Client();
        var high = await d.DesignatedAsync("kunming-base-2022", "官渡高新创业示范基地", "530111", "昆明盘龙众创空间管理有限公司");
        var low = await d.DesignatedAsync("kunming-base-2022", "盘龙双创示范基地", "530103", "昆明盘龙众创空间管理有限公司");
        var unevaluated = await d.DesignationOfAsync("五华科技创业示范园");
        var round = await d.OpenAsync("kunming-base-2022", "530100", 2026);
        var subjects = await d.SubjectsAsync(round);
        Guid S(Guid designation) => subjects.Single(s => s.DesignationId == designation).Id;
        Assert.True((await d.SettingsAsync(round, 1, 0, new Dictionary<string, decimal?> { ["合格"] = 60 })).Ok);
        await d.OpenScoringAsync(round);
        await d.ScoreAsync(S(high), 90);
        await d.ScoreAsync(S(low), 70);
        Assert.True((await d.ConfirmAsync(round, S(high))).Ok);
        Assert.True((await d.ConfirmAsync(round, S(low))).Ok);

        var rows = await d.WithAsync((s, _) => s.GetRequiredService<RecommendationList>().ListAsync(EvaluationTestData.Officer("530100"),
            s.GetRequiredService<Web.Features.Calendar.Obligations.ProgrammePolicies>().VersionsOf("kunming-base-2022").Single(), 2025, default));
        Assert.Equal([high, low, unevaluated], rows.Select(r => r.Designation.Id));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Rank));
        Assert.Equal((90m, "合格"), (rows[0].Figures.EvaluationScore!.Value, rows[0].LatestGrade!));

        var city = await app.SignedInAsync("km.city");
        var url = "/Evaluations/Recommendations?ProgrammeId=kunming-base-2022&Year=2025";
        var page = await city.GetDocumentAsync(url);
        Assert.Contains("排序规则", page.QuerySelector("#rule")!.TextContent);
        Assert.Contains("第二十一条", page.QuerySelector(".lead")!.TextContent);
        var empty = await city.PostFormAsync(url, new Dictionary<string, string> { ["ProgrammeId"] = "kunming-base-2022", ["Year"] = "2025", ["DesignationId"] = high.ToString(), ["Include"] = "true", ["Reason"] = "" });
        Assert.Contains("请填写推荐理由。", (await empty.ToDocumentAsync()).Errors());
        var saved = await city.PostFormAsync(url, new Dictionary<string, string>
        {
            ["ProgrammeId"] = "kunming-base-2022", ["Year"] = "2025", ["DesignationId"] = high.ToString(), ["Include"] = "true", ["Reason"] = "2026年测评得分最高，服务业绩突出",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);

        var xlsx = await city.GetAsync("/Evaluations/Recommendations?handler=Export&ProgrammeId=kunming-base-2022&Year=2025");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var lines = sheet.Descendants<Row>().Select(r => r.Descendants<Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("排名", lines[0][0]);
        Assert.Equal(["1", "官渡高新创业示范基地", "昆明盘龙众创空间管理有限公司"], lines[1].Take(3));
        Assert.Equal("2026年测评得分最高，服务业绩突出", lines[1][^1]);
    }
}
