using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Exemplar.Web.Tests.Infrastructure;

namespace Exemplar.Web.Tests.Features.Policies;

/// <summary>
/// The self-check keeps one set of ranges on the form, the pasted JSON and the API (issue 9): each value at its
/// boundary is accepted and one past it is refused with a Chinese message naming the field and the range; the API
/// answers 400 ProblemDetails in Chinese. The clock is 2026-11-21.
/// </summary>
public sealed class SelfCheckRangeTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static string Text(IElement? e) => e?.TextContent ?? "";

    private async Task<IDocument> PostFormAsync(params (string Field, string Value)[] fields)
    {
        var values = new Dictionary<string, string> { ["Mode"] = "form", ["policy"] = "kunming-base-2022", ["ReferenceDate"] = "2026-03-31" };
        foreach (var (f, v) in fields)
        {
            values[f] = v;
        }

        return await (await app.Client().PostFormAsync("/Policies/SelfCheck", values, formSelector: "form.fact-form")).ToDocumentAsync();
    }

    private async Task<IDocument> PostJsonPageAsync(string facts) =>
        await (await app.Client().PostFormAsync("/Policies/SelfCheck", new Dictionary<string, string>
        {
            ["Mode"] = "json", ["policy"] = "kunming-base-2022",
            ["ProfileText"] = $$"""{ "referenceDate": "2026-03-31", "facts": {{{facts}}} }""",
        }, formSelector: "form.json-form")).ToDocumentAsync();

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostApiAsync(string facts, string referenceDate = "2026-03-31")
    {
        var response = await app.Client().PostAsync("/api/v1/eligibility/evaluate",
            new StringContent($$"""{ "policyId": "kunming-base-2022", "referenceDate": "{{referenceDate}}", "facts": {{{facts}}} }""", Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Satisfaction_100_percent_is_accepted_and_100_01_refused_on_the_form()
    {
        var ok = await PostFormAsync(("f.residentSmallMicroSatisfactionPercent", "100"));
        Assert.Empty(ok.Errors());
        Assert.NotNull(ok.QuerySelector("tr[data-condition=satisfaction] .status-met"));
        var refused = await PostFormAsync(("f.residentSmallMicroSatisfactionPercent", "100.01"));
        Assert.Contains("“入驻小微企业服务满意度”应在 0 至 100%之间，您填写了 100.01。", refused.Errors());
        Assert.Empty(refused.QuerySelectorAll("article.evaluation"));
    }

    [Fact]
    public async Task Counts_are_whole_and_bounded_on_the_form()
    {
        Assert.Contains("“入驻小微企业数”应为整数（0 至 100000 家），您填写了 3.7。", (await PostFormAsync(("f.residentSmallMicroCount", "3.7"))).Errors());
        Assert.Empty((await PostFormAsync(("f.smallMicroEmployeeCount", "1000000"))).Errors());
        Assert.Contains("“入驻小微企业从业人员数”应在 0 至 1000000 人之间，您填写了 100000000000000000000000。",
            (await PostFormAsync(("f.smallMicroEmployeeCount", "100000000000000000000000"))).Errors());
        Assert.Contains("“信息服务：年服务企业”应在 0 至 10000000 家次之间，您填写了 -1。", (await PostFormAsync(("fn.informationService.enterpriseVisits", "-1"))).Errors());
        Assert.Contains(((await PostFormAsync(("f.residentSmallMicroCount", "很多"))).Errors()), e => e.StartsWith("“入驻小微企业数”应为数字", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dates_must_have_happened_by_the_reference_date_on_the_form()
    {
        Assert.Empty((await PostFormAsync(("f.baseFoundedOn", "2026-03-31"))).Errors());
        var future = await PostFormAsync(("f.baseFoundedOn", "2099-01-01"));
        Assert.Contains("“基地成立日期”应在 1949年10月1日至基准日期（2026年3月31日）之间，您填写了 2099年1月1日。", future.Errors());
        var far = await PostFormAsync(("ReferenceDate", "2035-01-01"));
        Assert.Contains(far.Errors(), e => e.StartsWith("“基准日期”不能晚于 2028年11月21日", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Region_codes_must_exist()
    {
        var script = await PostFormAsync(("f.registrationDivisionCode", "<script>"));
        Assert.Contains(script.Errors(), e => e.Contains("“申报主体（运营单位）注册地行政区划代码”应为 6 位数字", StringComparison.Ordinal));
        Assert.Null(script.QuerySelector("main script:not([src])"));
        var unknown = await PostFormAsync(("f.locationDivisionCode", "371599"));
        Assert.Contains("“基地（平台）所在地行政区划代码”371599 不是现行的行政区划代码（GB/T 2260），请核对。", unknown.Errors());
        Assert.Empty((await PostFormAsync(("f.locationDivisionCode", "371502"))).Errors());
    }

    [Fact]
    public async Task The_pasted_json_keeps_the_same_ranges()
    {
        Assert.Empty((await PostJsonPageAsync("\"residentSmallMicroSatisfactionPercent\": 100")).Errors());
        var refused = Assert.Single((await PostJsonPageAsync("\"residentSmallMicroSatisfactionPercent\": 100.01")).Errors());
        Assert.Contains("$.facts.residentSmallMicroSatisfactionPercent", refused);
        Assert.Contains("应在 0 至 100%之间", refused);
        Assert.Contains("应为整数", Assert.Single((await PostJsonPageAsync("\"residentSmallMicroCount\": 3.7")).Errors()));
    }

    [Theory]
    [InlineData("\"residentSmallMicroSatisfactionPercent\": 100", "\"residentSmallMicroSatisfactionPercent\": 100.01", "$.facts.residentSmallMicroSatisfactionPercent", "应在 0 至 100%之间")]
    [InlineData("\"residentSmallMicroCount\": 100000", "\"residentSmallMicroCount\": 100001", "$.facts.residentSmallMicroCount", "应在 0 至 100000 家之间")]
    [InlineData("\"residentSmallMicroCount\": 37", "\"residentSmallMicroCount\": 3.7", "$.facts.residentSmallMicroCount", "应为整数")]
    [InlineData("\"baseFoundedOn\": \"2026-03-31\"", "\"baseFoundedOn\": \"2026-04-01\"", "$.facts.baseFoundedOn", "应在 1949年10月1日至基准日期")]
    [InlineData("\"locationDivisionCode\": \"530102\"", "\"locationDivisionCode\": \"530199\"", "$.facts.locationDivisionCode", "不是现行的行政区划代码")]
    [InlineData("\"registrationDivisionCode\": \"110108\"", "\"registrationDivisionCode\": \"<script>\"", "$.facts.registrationDivisionCode", "应为 6 位数字")]
    public async Task The_api_accepts_the_boundary_and_answers_400_in_chinese_one_past_it(string ok, string past, string path, string words)
    {
        Assert.Equal(HttpStatusCode.OK, (await PostApiAsync(ok)).Status);
        var (status, body) = await PostApiAsync(past);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("档案有误", (string?)body!["title"]);
        Assert.Equal(path, (string?)body["path"]);
        Assert.Contains(words, (string?)body["detail"]);
    }

    [Fact]
    public async Task The_api_refuses_a_reference_date_more_than_two_years_ahead()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostApiAsync("", "2028-11-21")).Status);
        var (status, body) = await PostApiAsync("", "2028-11-22");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("$.referenceDate", (string?)body!["path"]);
    }
}
