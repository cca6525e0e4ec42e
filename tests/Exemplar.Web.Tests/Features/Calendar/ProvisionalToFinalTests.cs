using System.Net;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Calendar;

/// <summary>A deadline in an uncovered year is provisional and becomes final when the administrator enters the year.</summary>
public sealed class ProvisionalToFinalTests(CalendarFactory app) : IClassFixture<CalendarFactory>
{
    private async Task<T> WithDbAsync<T>(Func<ExemplarDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    private Task<int> AuditCountAsync() => WithDbAsync(db => db.Set<AuditEntry>().CountAsync());

    [Fact]
    public async Task Adding_2027_makes_provisional_deadlines_final_and_says_so()
    {
        var lc = await app.SignedInAsync("lc.applicant");
        var before = await lc.GetDocumentAsync("/Workbench");
        // 聊城 第十四条: summary of 2026 by 2027-01-10 (a Sunday); provisional while 2027 is not entered.
        var summary = before.QuerySelectorAll("tr[data-obligation-key]").Single(r => r.GetAttribute("data-obligation-key")!.EndsWith("/AnnualSummary/2026"));
        Assert.Contains("2027年1月10日（星期日）", summary.TextContent);
        Assert.Contains("2027年节假日安排尚未录入，日期为暂定", summary.TextContent);

        var admin = await app.SignedInAsync("admin");
        var audits = await AuditCountAsync();
        var response = await admin.PostFormAsync("/Admin/Calendar/Edit?year=2027", new Dictionary<string, string>
        {
            ["Year"] = "2027", ["Title"] = TestOnly2027Notice.Title, ["Number"] = "", ["Holidays"] = TestOnly2027Notice.Lines,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Calendar/Year/2027", response.Headers.Location!.OriginalString);
        var saved = await admin.GetDocumentAsync("/Admin/Calendar/Year/2027");
        var summaryText = saved.QuerySelector("#recompute")!.TextContent;
        // Provisional before: 昆明 base summary 2027-01-31 + 3 county/zone reports 2027-02-28; 聊城 base summary,
        // re-review and validity expiry + 2 county/zone reports in January 2027; 西藏 base summary and validity
        // expiry + 2 local reports. 13 in all.
        Assert.Contains("13项暂定的截止日期已确定", summaryText);
        Assert.Contains("没有截止日期因此变动", summaryText);
        Assert.Equal(11, saved.QuerySelectorAll("#off-days tbody tr").Length); // 元旦 3 + 春节 8

        var after = await lc.GetDocumentAsync("/Workbench");
        var final = after.QuerySelectorAll("tr[data-obligation-key]").Single(r => r.GetAttribute("data-obligation-key")!.EndsWith("/AnnualSummary/2026"));
        Assert.Contains("2027年1月10日（星期日）", final.TextContent);
        Assert.DoesNotContain("暂定", final.TextContent);

        Assert.True(await AuditCountAsync() > audits);
        Assert.True(await WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a =>
            a.Operation == "节假日安排.录入" && a.EntityId == "2027" && a.Action == "Added" && a.ActorName == "系统管理员")));
    }
}
