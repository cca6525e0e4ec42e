using System.Net;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.AnnualSummaries;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Features.Calendar;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.AnnualSummaries;

/// <summary>
/// Annual summaries (聊城第十四条 每年1月10日前, 昆明第十六条 1月底前 with 当年工作计划, 西藏第十七条 1月底前) and local reports
/// (聊城第十五条 1月20日前, 昆明第十七条 2月底前, 西藏第十八条 2月底前) on the demo designations: due dates from the texts,
/// late filings marked in calendar days, frozen versions, jurisdiction scoping and the area totals against hand counts.
/// </summary>
public sealed class AnnualSummariesTests(CalendarFactory app) : IClassFixture<CalendarFactory>
{
    private static DateTimeOffset ChinaMorning(int y, int m, int d) => new(y, m, d, 9, 0, 0, TimeSpan.FromHours(8));

    private async Task<T> WithDbAsync<T>(Func<IServiceProvider, ExemplarDbContext, Task<T>> f)
    {
        using var _ = app.CreateClient();
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    private Task<Designation> DesignationOfAsync(string baseName) => WithDbAsync((_, db) =>
        (from d in db.Set<Designation>() join c in db.Set<Carrier>() on d.CarrierId equals c.Id where c.Name == baseName select d).SingleAsync());

    [Fact]
    public async Task Due_dates_come_from_each_programmes_text()
    {
        var (lc, km, xz) = (await DesignationOfAsync("东昌府区创业创新示范园"), await DesignationOfAsync("五华科技创业示范园"), await DesignationOfAsync("城关区创业创新示范园"));
        await WithDbAsync<object?>(async (s, _) =>
        {
            var rules = s.GetRequiredService<FilingRules>();
            Assert.Equal(new DateOnly(2027, 1, 10), rules.SummaryRule(lc)!.DueFor(2026));   // 聊城第十四条 每年1月10日前
            Assert.Equal(new DateOnly(2027, 1, 31), rules.SummaryRule(km)!.DueFor(2026));   // 昆明第十六条 每年1月底前
            Assert.Equal(new DateOnly(2027, 1, 31), rules.SummaryRule(xz)!.DueFor(2026));   // 西藏第十七条 每年1月底前
            Assert.True(rules.SummaryRule(km)!.AsksWorkPlan);                                  // 上年度工作总结和当年工作计划
            Assert.False(rules.SummaryRule(lc)!.AsksWorkPlan);
            Assert.Contains("县工信部门", rules.SummaryRule(lc)!.Deadline.SubmitTo);
            var today = new DateOnly(2026, 11, 21);
            Assert.Equal(new DateOnly(2027, 1, 20), rules.ReportRule("liaocheng-base-2021", today)!.DueFor(2026)); // 第十五条
            Assert.Equal(new DateOnly(2027, 2, 28), rules.ReportRule("kunming-base-2022", today)!.DueFor(2026));   // 第十七条
            Assert.Equal(new DateOnly(2027, 2, 28), rules.ReportRule("xizang-base-2017", today)!.DueFor(2026));    // 第十八条
            Assert.Equal(new DateOnly(2028, 2, 29), rules.ReportRule("kunming-base-2022", today)!.DueFor(2027));   // 2028 is a leap year
            Assert.Null(rules.ReportRule("beijing-base", today));
            return null;
        });
    }

    [Fact]
    public async Task A_liaocheng_base_files_its_2026_summary_late_and_the_county_sees_it_marked_late()
    {
        var lc = await DesignationOfAsync("东昌府区创业创新示范园");
        app.Clock.AdjustTime(ChinaMorning(2027, 1, 13).ToUniversalTime());
        // Overdue and unfiled on 2027-01-13: 3 days after 1月10日.
        var overdue = await WithDbAsync((s, _) => s.GetRequiredService<OverdueSummaries>().ForYearAsync(2026, new DateOnly(2027, 1, 13), null, null, default));
        Assert.Contains(overdue, o => o.DesignationId == lc.Id && o.DaysOverdue == 3 && o.DueDate == new DateOnly(2027, 1, 10));
        Assert.DoesNotContain(overdue, o => o.ProgrammeId == "kunming-base-2022"); // 1月底 not yet passed

        var operatorClient = await app.SignedInAsync("lc.applicant");
        var start = await operatorClient.PostFormAsync("/AnnualSummaries", new Dictionary<string, string> { ["DesignationId"] = lc.Id.ToString(), ["Year"] = "2026" });
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var url = start.Headers.Location!.OriginalString;

        // Too short: refused in Chinese naming the field, still a draft.
        var refused = await (await operatorClient.SubmitAsIsAsync(url, new Dictionary<string, string> { ["Narrative"] = "太短" }, postUrl: url + "/Submit")).ToDocumentAsync();
        Assert.Contains(refused.Errors(), e => e.Contains("工作总结") && e.Contains("50") && e.Contains("20000"));
        var id = Guid.Parse(url.Split('/').Last());
        Assert.Equal(FilingStatus.Draft, await WithDbAsync((_, db) => db.Set<AnnualSummary>().Where(x => x.Id == id).Select(x => x.Status).SingleAsync()));

        var narrative = string.Concat(Enumerable.Repeat("本年度基地完善服务台账，组织培训和对接活动，服务入驻小微企业。", 3));
        var submitted = await operatorClient.SubmitAsIsAsync(url, new Dictionary<string, string> { ["Narrative"] = narrative }, postUrl: url + "/Submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var page = await operatorClient.GetDocumentAsync(url);
        Assert.Contains("已提交（逾期3天）", page.QuerySelector("#summary-status")!.TextContent);
        var row = await WithDbAsync((_, db) => db.Set<AnnualSummary>().AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal((3, new DateOnly(2027, 1, 13), new DateOnly(2027, 1, 10)), (row.DaysLate!.Value, row.SubmittedOn!.Value, row.DueDate));
        Assert.NotNull(row.FiguresJson);

        // Frozen: a save to the submitted version is refused; 修订 opens version 2 and version 1 stays as filed.
        var again = await operatorClient.PostFormAsync(url, new Dictionary<string, string> { ["Narrative"] = narrative + "补充", ["RowVersion"] = row.Version.ToString() },
            postUrl: url, formSelector: "main form[method=post]");
        Assert.NotEqual(HttpStatusCode.Redirect, again.StatusCode);
        var revise = await operatorClient.PostFormAsync(url, new Dictionary<string, string>(), postUrl: url + "/Revise");
        Assert.Equal(HttpStatusCode.Redirect, revise.StatusCode);
        var versions = await WithDbAsync((_, db) => db.Set<AnnualSummary>().AsNoTracking().Where(x => x.DesignationId == lc.Id && x.Year == 2026).OrderBy(x => x.Number).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal((FilingStatus.Submitted, narrative), (versions[0].Status, versions[0].Narrative));
        Assert.Equal(FilingStatus.Draft, versions[1].Status);

        // The obligation is fulfilled: no longer overdue, the workbench says 已提交（逾期3天）.
        overdue = await WithDbAsync((s, _) => s.GetRequiredService<OverdueSummaries>().ForYearAsync(2026, new DateOnly(2027, 1, 13), null, null, default));
        Assert.DoesNotContain(overdue, o => o.DesignationId == lc.Id);
        var bench = (await operatorClient.GetDocumentAsync("/Workbench")).QuerySelectorAll("section.obligations tr[data-obligation-key]").Select(r => r.TextContent).ToList();
        Assert.Contains(bench, r => r.Contains("报送2026年度工作总结") && r.Contains("已提交（逾期3天）"));
        Assert.DoesNotContain(bench, r => r.Contains("报送2026年度工作总结") && r.Contains("已逾期"));

        // The county officer (东昌府区) sees it marked late and opens version 1; 昆明's officer may not.
        var county = await app.SignedInAsync("lc.dongchangfu");
        var list = await county.GetDocumentAsync("/AnnualSummaries");
        var line = list.QuerySelector($"#summaries tr[data-designation='{lc.Id}'][data-year='2026']")!;
        Assert.Contains("已提交（逾期3天）", line.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/AnnualSummaries/{versions[1].Id}")).StatusCode); // a draft is not shown
        var other = await app.SignedInAsync("km.wuhua");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(lc.Id.ToString(), (await other.GetDocumentAsync("/AnnualSummaries")).Body!.InnerHtml);
        var otherOperator = await app.SignedInAsync("km.applicant");
        Assert.Equal(HttpStatusCode.NotFound, (await otherOperator.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_area_totals_are_one_query_over_the_areas_bases_and_match_hand_counts()
    {
        // Two Liaocheng bases in 聊城开发区 (371500Z01) and one in 东昌府区 outside the area.
        var (a, b, outside) = await WithDbAsync(async (_, db) =>
        {
            var org = await db.Set<Carrier>().Where(c => c.Name == "东昌府区创业创新示范园").Select(c => c.OrganizationId).SingleAsync();
            Designation Make(string name, string code)
            {
                var c = new Carrier { OrganizationId = org, Name = name, JurisdictionCode = code, Kind = CarrierKind.Base, EstablishedOn = new DateOnly(2018, 1, 1), CreatedAt = DateTimeOffset.UtcNow };
                var d = new Designation { CarrierId = c.Id, ProgrammeId = "liaocheng-base-2021", PolicyVersion = "2021.1", AnnouncedOn = new DateOnly(2024, 1, 5),
                    ValidFrom = new DateOnly(2024, 1, 5), ValidUntil = new DateOnly(2029, 1, 4), EnteredAfterwards = true, CreatedAt = DateTimeOffset.UtcNow };
                db.AddRange(c, d);
                return d;
            }
            var (x, y, z) = (Make("开发区甲示范基地", "371500Z01"), Make("开发区乙示范基地", "371500Z01"), Make("东昌府区丙示范基地", "371502"));
            LedgerEntry Entry(Designation d, ServiceFunction f, DateOnly date, ServiceForm form, string[] names, int persons, FeeClass fee) =>
                new() { CarrierId = d.CarrierId, Function = f, Date = date, Form = form, OtherNames = [.. names], PersonCount = persons, Fee = fee, Place = "基地" };
            db.AddRange(
                Entry(x, ServiceFunction.Training, new(2026, 3, 1), ServiceForm.Event, ["甲公司", "乙公司"], 30, FeeClass.Free),
                Entry(x, ServiceFunction.InformationService, new(2026, 5, 1), ServiceForm.OneToOne, ["丙公司"], 1, FeeClass.Market),
                Entry(y, ServiceFunction.Training, new(2026, 12, 31), ServiceForm.Training, ["丁公司", "戊公司", "己公司"], 12, FeeClass.LowFee),
                Entry(y, ServiceFunction.Training, new(2025, 12, 31), ServiceForm.Training, ["庚公司"], 99, FeeClass.Free),   // another year
                Entry(z, ServiceFunction.Training, new(2026, 6, 1), ServiceForm.Training, ["辛公司"], 50, FeeClass.Free));     // another area
            db.Actor.Operation = "测试.辖区汇总数据";
            await db.SaveChangesAsync();
            return (x, y, z);
        });
        var totals = await WithDbAsync(async (s, _) =>
        {
            var codes = (await s.GetRequiredService<JurisdictionTreeCache>().GetAsync()).SubtreeCodes("371500Z01");
            return await s.GetRequiredService<AreaTotalsQuery>().ForAsync("liaocheng-base-2021", codes, 2026, default);
        });
        Assert.Equal(2, totals.Bases);
        // 家次 2+1+3, 次 (events and training) 2, 人次 30+1+12, free/low-fee 2+3.
        Assert.Equal((6, 2, 43, 5), (totals.All.EnterpriseVisits, totals.All.Events, totals.All.PersonTimes, totals.All.FreeOrLowFeeVisits));
        Assert.Equal(83.33m, totals.FreeOrLowFeePercent);
        var training = totals.Functions.Single(f => f.Function == ServiceFunction.Training);
        Assert.Equal((5, 2, 42, 5), (training.EnterpriseVisits, training.Events, training.PersonTimes, training.FreeOrLowFeeVisits));
        var info = totals.Functions.Single(f => f.Function == ServiceFunction.InformationService);
        Assert.Equal((1, 0, 1, 0), (info.EnterpriseVisits, info.Events, info.PersonTimes, info.FreeOrLowFeeVisits));
        Assert.Equal((0, 0), (totals.SummariesSubmitted, totals.Answers));

        // The zone officer (聊城开发区, a role 第十五条's localChecks.roles names) files the 2026 report a day late (1月20日前).
        app.Clock.AdjustTime(ChinaMorning(2027, 1, 21).ToUniversalTime());
        var zone = await app.SignedInAsync("lc.kaifaqu");
        var start = await zone.PostFormAsync("/AnnualReports", new Dictionary<string, string> { ["ProgrammeId"] = "liaocheng-base-2021", ["Year"] = "2026" });
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var url = start.Headers.Location!.OriginalString;
        var form = await zone.GetDocumentAsync(url);
        Assert.Equal(2, form.QuerySelectorAll("fieldset.base-check").Length);
        Assert.Equal(8, form.QuerySelectorAll("fieldset.base-check textarea").Length); // 台账建立、服务质量、服务收费情况、服务满意度 × 2
        var missing = await (await zone.SubmitAsIsAsync(url, new Dictionary<string, string> { ["Narrative"] = "辖区内两家示范基地均建立服务台账，服务质量总体良好。" }, postUrl: url + "/Submit")).ToDocumentAsync();
        Assert.Contains(missing.Errors(), e => e.Contains("开发区甲示范基地") && e.Contains("台账建立"));
        var findings = form.QuerySelectorAll("fieldset.base-check textarea").ToDictionary(t => t.GetAttribute("name")!, _ => "已检查，情况良好");
        findings["Narrative"] = "辖区内两家示范基地均建立服务台账，服务质量总体良好。";
        Assert.Equal(HttpStatusCode.Redirect, (await zone.SubmitAsIsAsync(url, findings, postUrl: url + "/Submit")).StatusCode);
        var report = await zone.GetDocumentAsync(url);
        Assert.Contains("已提交（逾期1天）", report.QuerySelector("#report-status")!.TextContent);
        Assert.Contains("6家次", report.QuerySelector("#total-visits")!.TextContent);
        // The city (designating authority) reads it; 昆明's city does not; the county of 东昌府区 is not above the zone.
        var city = await app.SignedInAsync("lc.city");
        Assert.Contains(url, (await city.GetDocumentAsync("/AnnualReports")).QuerySelector("#submitted")!.InnerHtml);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("km.city")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("lc.dongchangfu")).GetAsync(url)).StatusCode);
        _ = (a, b, outside);
    }
}
