using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Exemplar.Web.Tests.Infrastructure;

namespace Exemplar.Web.Tests.Features.Calendar;

/// <summary>Expected dates are the worked examples and the State Council notices, counted by hand.</summary>
public sealed class CalendarApiTests(CalendarFactory app) : IClassFixture<CalendarFactory>
{
    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await app.Client().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_15_working_day_notice_published_2025_09_26_ends_2025_10_22()
    {
        var json = await GetJsonAsync("/api/v1/calendar/notice-end?published=2025-09-26&workingDays=15");
        Assert.Equal("2025-10-22", json.GetProperty("end").GetString());
        Assert.Equal("2025-09-26", json.GetProperty("start").GetString());
        Assert.False(json.GetProperty("provisional").GetBoolean());
        // 9/26, 9/28 (调休上班), 9/29, 9/30, 10/9, 10/10, 10/11 (调休上班), 10/13 … 10/22
        var counted = json.GetProperty("countedDays").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Equal(15, counted.Count);
        Assert.Equal(["2025-09-26", "2025-09-28", "2025-09-29", "2025-09-30", "2025-10-09", "2025-10-10", "2025-10-11"], counted.Take(7));
        Assert.Equal("2025-10-22", counted[^1]);
    }

    [Fact]
    public async Task A_change_completed_2025_09_26_must_be_filed_by_2025_10_16()
    {
        var json = await GetJsonAsync("/api/v1/calendar/within?event=2025-09-26&workingDays=10");
        Assert.Equal("2025-10-16", json.GetProperty("due").GetString());
        Assert.False(json.GetProperty("provisional").GetBoolean());
        Assert.Equal(10, json.GetProperty("countedDays").GetArrayLength());
    }

    [Fact]
    public async Task A_day_says_weekday_kind_and_reason()
    {
        var national = await GetJsonAsync("/api/v1/calendar/days/2025-10-01");
        Assert.Equal("星期三", national.GetProperty("weekday").GetString());
        Assert.False(national.GetProperty("isWorkingDay").GetBoolean());
        Assert.Equal("法定节假日（国庆节、中秋节）", national.GetProperty("reason").GetString());
        Assert.False(national.GetProperty("provisional").GetBoolean());

        var adjusted = await GetJsonAsync("/api/v1/calendar/days/2025-09-28");
        Assert.Equal("星期日", adjusted.GetProperty("weekday").GetString());
        Assert.True(adjusted.GetProperty("isWorkingDay").GetBoolean());
        Assert.Equal("调休上班（国庆节、中秋节）", adjusted.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Dates_in_2027_are_provisional_while_2027_is_not_entered()
    {
        var day = await GetJsonAsync("/api/v1/calendar/days/2027-01-01");
        Assert.True(day.GetProperty("provisional").GetBoolean());
        Assert.True(day.GetProperty("isWorkingDay").GetBoolean()); // a Friday, by Monday–Friday until entered
        // Late December 2026 may be listed by the 2027 notice, so it is provisional too.
        Assert.True((await GetJsonAsync("/api/v1/calendar/days/2026-12-28")).GetProperty("provisional").GetBoolean());
        Assert.True((await GetJsonAsync("/api/v1/calendar/within?event=2026-12-20&workingDays=10")).GetProperty("provisional").GetBoolean());
        var years = await GetJsonAsync("/api/v1/calendar/years");
        Assert.Equal(Enumerable.Range(2017, 10), years.GetProperty("coveredYears").EnumerateArray().Select(y => y.GetInt32()));
    }

    [Theory]
    [InlineData("/api/v1/calendar/days/2025-13-01", "不是有效日期")]
    [InlineData("/api/v1/calendar/days/yesterday", "不是有效日期")]
    [InlineData("/api/v1/calendar/notice-end?published=2025-09-26&workingDays=0", "应为1至365之间的整数")]
    [InlineData("/api/v1/calendar/notice-end?published=2025-09-26&workingDays=366", "应为1至365之间的整数")]
    [InlineData("/api/v1/calendar/notice-end?published=2025/09/26&workingDays=15", "不是有效日期")]
    [InlineData("/api/v1/calendar/within?event=2025-09-26&workingDays=abc", "应为1至365之间的整数")]
    [InlineData("/api/v1/calendar/within?workingDays=10", "不是有效日期")]
    public async Task Bad_input_is_a_400_problem_in_Chinese(string url, string expected)
    {
        var response = await app.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(expected, json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_public_page_shows_each_counted_day_without_javascript()
    {
        var page = await app.Client().GetDocumentAsync("/Calendar?published=2025-09-26&noticeDays=15");
        Assert.Contains("2025年10月22日（星期三）", page.QuerySelector("#notice-result")!.TextContent);
        var rows = page.QuerySelectorAll("#counted-days tbody tr");
        Assert.Contains(rows, r => r.TextContent.Contains("2025年9月28日") && r.TextContent.Contains("调休上班") && r.TextContent.Contains("第2个工作日"));
        Assert.Contains(rows, r => r.TextContent.Contains("2025年10月1日") && r.TextContent.Contains("不计"));

        var within = await app.Client().GetDocumentAsync("/Calendar?event=2025-09-26&withinDays=10");
        Assert.Contains("2025年10月16日（星期四）", within.QuerySelector("#within-result")!.TextContent);

        var day = await app.Client().GetDocumentAsync("/Calendar?date=2027-02-10");
        Assert.Contains("暂定", day.QuerySelector("#day-result")!.TextContent);

        var bad = await app.Client().GetDocumentAsync("/Calendar?date=2025-02-30");
        Assert.Contains(bad.Errors(), e => e.Contains("2025-02-30"));
    }
}
