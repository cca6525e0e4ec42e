using System.Net.Http.Headers;
using AngleSharp.Dom;
using Exemplar.Web.Tests.Infrastructure;

namespace Exemplar.Web.Tests.Features.Policies;

public sealed class SelfCheckTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static string ExampleJson() =>
        File.ReadAllText(Path.Combine(TestDatabase.RepositoryRoot(), "policies", "examples", "kunming-profile.example.json"));

    private static string Text(IElement? e) => e?.TextContent ?? "";

    private Task<HttpResponseMessage> PostJsonFormAsync(HttpClient client, string json, string policy) =>
        client.PostFormAsync("/Policies/SelfCheck", new Dictionary<string, string> { ["Mode"] = "json", ["ProfileText"] = json, ["policy"] = policy },
            formSelector: "form.json-form");

    [Fact]
    public async Task Pasted_example_profile_fails_the_resident_count_with_article_and_shortfall()
    {
        var page = await (await PostJsonFormAsync(app.Client(), ExampleJson(), "kunming-base-2022")).ToDocumentAsync();
        Assert.Empty(page.Errors());
        var row = page.QuerySelector("article[data-policy=kunming-base-2022] tr[data-condition=resident-count]");
        Assert.NotNull(row);
        Assert.Equal("第六条第（三）项", Text(row!.QuerySelector(".citation")).Trim());
        Assert.NotNull(row.QuerySelector(".status-notmet"));
        Assert.Contains("未达标", Text(row.QuerySelector(".state")));
        Assert.Equal("还差 3 家", Text(row.QuerySelector(".shortfall")).Trim());
        Assert.Contains("服务台账", Text(row));
        // Only that quantitative condition fails; the employees at 500 meet 不少于 500.
        Assert.NotNull(page.QuerySelector("tr[data-condition=employee-count] .status-met"));
        Assert.Contains("不符合", Text(page.QuerySelector("article[data-policy=kunming-base-2022] .verdict")));
        // Review items are pending with their checklist, never a silent pass.
        var review = page.QuerySelector("tr[data-condition=rolling-incubation]");
        Assert.NotNull(review!.QuerySelector(".status-pending"));
        Assert.NotNull(review.QuerySelector(".checklist li"));
        // K-of-N: 信息服务, 创业辅导, 创新支持, 人员培训 reach their volumes (4 of 4 needed).
        Assert.Contains("计入：信息服务、创业辅导、创新支持、人员培训", Text(page.QuerySelector("tr[data-group=service-functions]")));
    }

    [Fact]
    public async Task Form_entry_shows_failing_condition_shortfall_and_names_missing_facts()
    {
        var client = app.Client();
        var response = await client.PostFormAsync("/Policies/SelfCheck", new Dictionary<string, string>
        {
            ["Mode"] = "form",
            ["policy"] = "kunming-base-2022",
            ["ReferenceDate"] = "2026-03-31",
            ["f.residentSmallMicroCount"] = "37",
            ["f.smallMicroEmployeeCount"] = "500",
            ["fn.training.personTimes"] = "290",
            ["s.employeeSeries.2024"] = "1000",
            ["s.employeeSeries.2025"] = "1100",
        }, formSelector: "form.fact-form");
        var page = await response.ToDocumentAsync();
        Assert.Empty(page.Errors());
        var residents = page.QuerySelector("tr[data-condition=resident-count]");
        Assert.NotNull(residents!.QuerySelector(".status-notmet"));
        Assert.Equal("还差 3 家", Text(residents.QuerySelector(".shortfall")).Trim());
        Assert.Equal("第六条第（三）项", Text(residents.QuerySelector(".citation")).Trim());
        Assert.NotNull(page.QuerySelector("tr[data-condition=employee-count] .status-met"));
        // 1000 → 1100 is exactly 10 %: 以上 includes the number.
        Assert.NotNull(page.QuerySelector("tr[data-condition=employee-growth] .status-met"));
        // Not entered = missing data, with the fact named (never zero).
        var years = page.QuerySelector("tr[data-condition=operating-years]");
        Assert.NotNull(years!.QuerySelector(".status-missing"));
        Assert.Contains("基地成立日期", Text(years.QuerySelector(".missing-facts")));
        // 培训 290 of 300 人次 is among the closest failed functions.
        Assert.Contains("人员培训", Text(page.QuerySelector("tr[data-group=service-functions] .closest")));
        Assert.Contains("还差 10 人次", Text(page.QuerySelector("tr[data-group=service-functions] .closest")));
        // The entered values are kept in the form.
        Assert.Equal("37", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='f.residentSmallMicroCount']")!.Value);
    }

    [Fact]
    public async Task All_programmes_give_a_where_would_it_qualify_summary()
    {
        var page = await (await PostJsonFormAsync(app.Client(), ExampleJson(), "")).ToDocumentAsync();
        Assert.Equal(5, page.QuerySelectorAll(".evaluation-summary .summary-card[data-policy]").Length);
        Assert.Equal(5, page.QuerySelectorAll("article.evaluation").Length);
        var kunming = page.QuerySelector(".summary-card[data-policy=kunming-base-2022] .summary-notmet li[data-condition=resident-count]");
        Assert.Contains("第六条第（三）项", Text(kunming));
        Assert.Contains("还差 3 家", Text(kunming));
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_a_chinese_message()
    {
        var page = await (await PostJsonFormAsync(app.Client(), "{\"referenceDate\": \"2026-03-31\", \"facts\": {", "")).ToDocumentAsync();
        var error = Assert.Single(page.Errors());
        Assert.Contains("不是有效的 JSON", error);
        Assert.Empty(page.QuerySelectorAll("article.evaluation"));
    }

    [Fact]
    public async Task Wrong_type_is_refused_with_the_path_of_the_field()
    {
        var json = "{\"referenceDate\": \"2026-03-31\", \"facts\": {\"smallMicroEmployeeCount\": \"很多\"}}";
        var page = await (await PostJsonFormAsync(app.Client(), json, "")).ToDocumentAsync();
        var error = Assert.Single(page.Errors());
        Assert.Contains("$.facts.smallMicroEmployeeCount", error);
        Assert.Contains("应为数字", error);
    }

    [Fact]
    public async Task Uploaded_file_over_256_KB_is_refused()
    {
        var client = app.Client();
        var form = await client.GetDocumentAsync("/Policies/SelfCheck");
        var token = form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("form.json-form input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("json"), "Mode" },
        };
        var big = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("{\"name\": \"" + new string('x', 300 * 1024) + "\"}"));
        big.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(big, "ProfileFile", "big.json");
        var page = await (await client.PostAsync("/Policies/SelfCheck", content)).ToDocumentAsync();
        Assert.Contains(page.Errors(), e => e.Contains("256 KB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Uploaded_example_file_is_evaluated()
    {
        var client = app.Client();
        var form = await client.GetDocumentAsync("/Policies/SelfCheck");
        var token = form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("form.json-form input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("json"), "Mode" },
            { new StringContent("kunming-base-2022"), "policy" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(ExampleJson())), "ProfileFile", "kunming.json" },
        };
        var page = await (await client.PostAsync("/Policies/SelfCheck", content)).ToDocumentAsync();
        Assert.Equal("还差 3 家", Text(page.QuerySelector("tr[data-condition=resident-count] .shortfall")).Trim());
    }
}
