using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Calendar;

/// <summary>Administration of the calendar. The clock stands at 2026-11-21 (Asia/Shanghai) unless a test moves it.</summary>
public sealed class AdminCalendarTests(CalendarFactory app) : IClassFixture<CalendarFactory>
{
    private async Task<T> WithDbAsync<T>(Func<ExemplarDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    private Task<int> AuditCountAsync() => WithDbAsync(db => db.Set<AuditEntry>().CountAsync());

    private Task<List<int>> YearsAsync() => WithDbAsync(db => db.Set<HolidayNoticeRecord>().Select(r => r.Year).OrderBy(y => y).ToListAsync());

    [Fact]
    public async Task The_overview_shows_covered_years_and_warns_about_2027()
    {
        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetDocumentAsync("/Admin/Calendar");
        var rows = page.QuerySelectorAll("#coverage tbody tr");
        Assert.Equal(Enumerable.Range(2017, 11).Select(y => y.ToString()), rows.Select(r => r.GetAttribute("data-year")));
        Assert.All(rows.Take(10), r => Assert.Equal("covered", r.ClassName));
        Assert.Equal("missing", rows[10].ClassName);
        Assert.Contains("2027年节假日安排尚未录入", page.QuerySelector(".coverage-warning")!.TextContent);
    }

    [Fact]
    public async Task A_years_detail_lists_days_off_and_working_weekends_with_weekday_and_holiday()
    {
        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetDocumentAsync("/Admin/Calendar/Year/2025");
        var off = page.QuerySelectorAll("#off-days tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(28, off.Count);
        Assert.Contains(off, t => t.Contains("2025年10月1日") && t.Contains("星期三") && t.Contains("国庆节、中秋节"));
        var work = page.QuerySelectorAll("#working-weekends tbody tr").Select(r => r.TextContent).ToList();
        // 2025: 1/26 (日), 2/8 (六), 4/27 (日), 9/28 (日), 10/11 (六).
        Assert.Equal(5, work.Count);
        Assert.Contains(work, t => t.Contains("2025年2月8日") && t.Contains("星期六") && t.Contains("春节"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Calendar/Year/2031")).StatusCode);
    }

    [Fact]
    public async Task Replacing_an_entered_year_asks_first()
    {
        var admin = await app.SignedInAsync("admin");
        var form = new Dictionary<string, string>
        {
            ["Year"] = "2019", ["Title"] = "国务院办公厅关于2019年部分节假日安排的通知（替换测试）", ["Number"] = "",
            ["Holidays"] = "元旦 | 2018-12-30..2019-01-01 | 2018-12-29",
        };
        var first = await admin.PostFormAsync("/Admin/Calendar/Edit?year=2019", form);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await first.ToDocumentAsync();
        Assert.Contains("2019年的节假日安排已经录入", page.QuerySelector("#confirm-replace")!.TextContent);
        Assert.DoesNotContain("替换测试", await WithDbAsync(db => db.Set<HolidayNoticeRecord>().Where(r => r.Year == 2019).Select(r => r.Title).SingleAsync()));

        var confirmed = await admin.PostFormAsync("/Admin/Calendar/Edit?year=2019", new Dictionary<string, string>(form) { ["ConfirmReplace"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("替换测试", await WithDbAsync(db => db.Set<HolidayNoticeRecord>().Where(r => r.Year == 2019).Select(r => r.Title).SingleAsync()));
        Assert.True(await WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Operation == "节假日安排.录入" && a.EntityId == "2019" && a.Action == "Modified" && a.Before != null)));
    }

    [Fact]
    public async Task The_form_lists_every_problem_and_saves_nothing()
    {
        var admin = await app.SignedInAsync("admin");
        var years = await YearsAsync();
        var response = await admin.PostFormAsync("/Admin/Calendar/Edit", new Dictionary<string, string>
        {
            ["Year"] = "2028", ["Title"] = "", ["Number"] = "",
            ["Holidays"] = "春节 | 2028-01-25..2028-01-20 | 2028-01-22\n国庆节 2028-10-01\n劳动节 | 2028-05-01 | 2028-5-6",
        });
        var errors = (await response.ToDocumentAsync()).Errors();
        Assert.Contains("请填写通知标题。", errors);
        Assert.Contains(errors, e => e.StartsWith("第1行（春节）：放假日期“2028-01-25..2028-01-20”无法识别"));
        Assert.Contains(errors, e => e.StartsWith("第2行：格式应为"));
        Assert.Contains(errors, e => e.StartsWith("第3行（劳动节）：调休上班日期“2028-5-6”无法识别"));
        Assert.Equal(years, await YearsAsync());
    }

    [Fact]
    public async Task Import_rejects_a_bad_file_with_all_its_errors_and_saves_nothing()
    {
        var admin = await app.SignedInAsync("admin");
        var years = await YearsAsync();
        var audits = await AuditCountAsync();
        const string bad = """
            { "format": "exemplar.cn-holidays/1", "notices": [
              { "year": 2029, "title": "国务院办公厅关于2029年部分节假日安排的通知",
                "holidays": [ { "name": "春节", "off": ["2029-02-12..2029-02-18"], "work": ["2029-02-07"] },
                              { "name": "清明节", "off": ["2030-04-04"], "work": [] } ] },
              { "year": 2030, "title": "",
                "holidays": [ { "name": "元旦", "off": ["2030-01-01"], "work": ["2030-01-01"] } ] } ] }
            """;
        var response = await PostImportAsync(admin, bad, "bad.json");
        var errors = (await response.ToDocumentAsync()).Errors();
        // 2029-02-07 is a Wednesday; 2030-04-04 is outside 2029; 2030 has no title; 2030-01-01 both off and working.
        Assert.Contains(errors, e => e.Contains("2029年春节：调休上班日2029年2月7日是星期三"));
        Assert.Contains(errors, e => e.Contains("2029年清明节：日期2030年4月4日不在2029年内"));
        Assert.Contains("2030年：缺少通知标题。", errors);
        Assert.Contains(errors, e => e.Contains("2030年1月1日既被列为放假日又被列为调休上班日"));
        Assert.Contains(errors, e => e.Contains("2030年元旦：调休上班日2030年1月1日是星期二"));
        Assert.Equal(5, errors.Count);
        Assert.Equal(years, await YearsAsync());
        Assert.Equal(audits, await AuditCountAsync());

        var notJson = await PostImportAsync(admin, "not json at all", "x.json");
        Assert.Contains((await notJson.ToDocumentAsync()).Errors(), e => e.StartsWith("JSON格式错误"));
        var wrongType = await PostImportAsync(admin, "{}", "calendar.exe");
        Assert.Contains("请上传扩展名为 .json 的文件。", (await wrongType.ToDocumentAsync()).Errors());
        Assert.Equal(years, await YearsAsync());
    }

    [Fact]
    public async Task Export_then_import_round_trips()
    {
        var admin = await app.SignedInAsync("admin");
        var export = await admin.GetAsync("/Admin/Calendar/Export");
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        var json = await export.Content.ReadAsStringAsync();
        var exported = HolidayCalendarJson.Parse(json);
        var shipped = HolidayCalendarJson.Parse(await File.ReadAllTextAsync(Path.Combine(TestDatabase.RepositoryRoot(), "data", "calendar", "cn-holidays.json")));
        foreach (var year in Enumerable.Range(2017, 10).Where(y => y != 2019)) // 2019 may be replaced by another test in this class
            Assert.Equal(HolidayCalendarJson.Serialize([shipped.NoticeFor(year)!]), HolidayCalendarJson.Serialize([exported.NoticeFor(year)!]));

        var first = await PostImportAsync(admin, json, "cn-holidays.json");
        Assert.Contains("已经录入", (await first.ToDocumentAsync()).QuerySelector("#confirm-replace")!.TextContent);
        var confirmed = await admin.PostFormAsync("/Admin/Calendar/Import", new Dictionary<string, string> { ["Json"] = json, ["ConfirmReplace"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(json, await admin.GetStringAsync("/Admin/Calendar/Export"));
        Assert.True(await WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Operation == "节假日安排.导入")));

        var one = await admin.GetStringAsync("/Admin/Calendar/Export?year=2025");
        Assert.Equal([2025], HolidayCalendarJson.Parse(one).CoveredYears);
    }

    [Fact]
    public async Task Settings_are_validated_and_audited()
    {
        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetDocumentAsync("/Admin/Calendar/Settings");
        Assert.Equal("30, 7, 1", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#ReminderLeadDays")!.Value);

        var bad = await admin.PostFormAsync("/Admin/Calendar/Settings", new Dictionary<string, string> { ["PolicyLapseLeadDays"] = "400", ["ReminderLeadDays"] = "0, 7, 7, x" });
        var errors = (await bad.ToDocumentAsync()).Errors();
        Assert.Contains("提醒提前天数“x”不是正整数。", errors);
        Assert.Contains("办法失效提前提示天数应在1至365之间。", errors);
        Assert.Contains("提醒提前天数0无效：应在1至365之间。", errors);
        Assert.Contains("提醒提前天数7重复填写。", errors);

        var ok = await admin.PostFormAsync("/Admin/Calendar/Settings", new Dictionary<string, string> { ["PolicyLapseLeadDays"] = "30", ["ReminderLeadDays"] = "1，30、7" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var saved = await WithDbAsync(db => db.Set<CalendarSettings>().AsNoTracking().SingleAsync());
        Assert.Equal([30, 7, 1], saved.ReminderLeadDays);
        Assert.True(await WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Operation == "节假日安排.修改提醒设置" && a.ActorName == "系统管理员")));
    }

    private static async Task<HttpResponseMessage> PostImportAsync(HttpClient client, string content, string fileName)
    {
        var page = await client.GetDocumentAsync("/Admin/Calendar/Import");
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync("/Admin/Calendar/Import", form);
    }
}
