using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Calendar;

/// <summary>
/// Home-page obligations from the policy files and the demo designation facts (昆明 announced 2023-12-15, change
/// 2026-11-13; 聊城 announced 2022-01-20, change 2026-11-20). Dates counted by hand from the texts and the notices.
/// </summary>
public sealed class ObligationsPanelTests(CalendarFactory app) : IClassFixture<CalendarFactory>
{
    private static DateTimeOffset ChinaMorning(int y, int m, int d) => new(y, m, d, 9, 0, 0, TimeSpan.FromHours(8));

    private async Task<List<string>> RowsAsync(string user, DateTimeOffset at)
    {
        app.Clock.AdjustTime(at.ToUniversalTime());
        var client = await app.SignedInAsync(user);
        var page = await client.GetDocumentAsync("/Workbench");
        return page.QuerySelectorAll("section.obligations tr[data-obligation-key]").Select(r => r.TextContent).ToList();
    }

    private async Task<string> LapseTextAsync(string user, DateTimeOffset at)
    {
        app.Clock.AdjustTime(at.ToUniversalTime());
        var client = await app.SignedInAsync(user);
        var page = await client.GetDocumentAsync("/Workbench");
        return string.Join("\n", page.QuerySelectorAll(".policy-lapse").Select(e => e.TextContent));
    }

    [Fact]
    public async Task The_kunming_base_sees_its_change_filing_validity_and_provisional_summary()
    {
        var rows = await RowsAsync("km.applicant", ChinaMorning(2026, 11, 21));
        // 第十九条: 10 working days after 2026-11-13 → 11-16…11-20, 11-23…11-27.
        Assert.Contains(rows, r => r.Contains("重大变更事项备案") && r.Contains("2026年11月27日（星期五）") && r.Contains("还有6天") && r.Contains("第十九条"));
        // 第十六条: 2026 summary by 1月底 → 2027-01-31, a Sunday in a year not yet entered.
        Assert.Contains(rows, r => r.Contains("报送2026年度工作总结") && r.Contains("2027年1月31日（星期日）")
            && r.Contains("2027年节假日安排尚未录入，日期为暂定") && r.Contains("休息日"));
        // Validity (3 years from 2023-12-15) is the designating authority's item, not the base's.
        Assert.DoesNotContain(rows, r => r.Contains("有效期届满"));
        var city = await RowsAsync("km.city", ChinaMorning(2026, 11, 21));
        Assert.Contains(city, r => r.Contains("有效期届满") && r.Contains("2026年12月15日（星期二）"));
        Assert.DoesNotContain(await RowsAsync("km.applicant2", ChinaMorning(2026, 11, 21)), r => r.Contains("重大变更"));
    }

    [Fact]
    public async Task A_summary_due_on_a_saturday_stays_on_that_day_and_says_it_is_a_day_off()
    {
        var rows = await RowsAsync("km.applicant", ChinaMorning(2026, 1, 20));
        Assert.Contains(rows, r => r.Contains("报送2025年度工作总结") && r.Contains("2026年1月31日（星期六）")
            && r.Contains("该日为休息日（周末）") && !r.Contains("暂定"));
    }

    [Fact]
    public async Task The_liaocheng_base_sees_re_review_in_its_expiry_year()
    {
        var rows = await RowsAsync("lc.applicant", ChinaMorning(2026, 11, 21));
        // 第十六条: 5 years from 2022-01-20 → valid through 2027-01-20; re-review in 2027.
        Assert.Contains(rows, r => r.Contains("期满当年申请复核") && r.Contains("2027年1月20日（星期三）") && r.Contains("暂定"));
        // 第十五条: 10 working days after 2026-11-20 → 2026-12-04.
        Assert.Contains(rows, r => r.Contains("重大变更事项备案") && r.Contains("2026年12月4日（星期五）"));
    }

    [Fact]
    public async Task Local_officers_see_their_annual_report_deadline()
    {
        // 昆明 第十七条: 每年2月底前; 聊城 第十五条: 每年1月20日前.
        Assert.Contains(await RowsAsync("km.wuhua", ChinaMorning(2026, 11, 21)), r => r.Contains("年度示范基地工作总结和检查情况报告") && r.Contains("2027年2月28日（星期日）"));
        Assert.Contains(await RowsAsync("lc.dongchangfu", ChinaMorning(2026, 11, 21)), r => r.Contains("检查情况报告") && r.Contains("2027年1月20日（星期三）"));
        Assert.DoesNotContain(await RowsAsync("bj.haidian", ChinaMorning(2026, 11, 21)), r => r.Contains("检查情况报告"));
        // Overdue within the window: 2026-01-20 passed two days ago.
        Assert.Contains(await RowsAsync("lc.dongchangfu", ChinaMorning(2026, 1, 22)), r => r.Contains("报送2025年度") && r.Contains("已逾期2天"));
    }

    [Fact]
    public async Task Liaocheng_officers_are_warned_of_the_lapse_from_the_lead_time_and_told_after_it()
    {
        // Default lead time 30 days: 2026-12-03 − 30 = 2026-11-03.
        Assert.DoesNotContain("失效", await LapseTextAsync("lc.city", ChinaMorning(2026, 11, 2)));
        var warned = await LapseTextAsync("lc.city", ChinaMorning(2026, 11, 3));
        Assert.Contains("《聊城市小型微型企业创业创新示范基地建设管理办法》将于2026年12月3日失效", warned);
        Assert.Contains("第二十条", warned);
        Assert.Contains("将于2026年12月3日失效", await LapseTextAsync("lc.city", ChinaMorning(2026, 12, 3)));
        var lapsed = await LapseTextAsync("lc.city", ChinaMorning(2026, 12, 4));
        Assert.Contains("已于2026年12月3日失效，在新版本录入前不受理新的申报批次", lapsed);
        Assert.DoesNotContain("失效", await LapseTextAsync("km.city", ChinaMorning(2026, 11, 21)));
        Assert.DoesNotContain("失效", await LapseTextAsync("lc.applicant", ChinaMorning(2026, 11, 21)));
    }

    [Fact]
    public void The_call_gate_closes_after_2026_12_03_until_a_successor_is_entered()
    {
        var gate = app.Services.GetRequiredService<ProgrammeCallGate>();
        app.Clock.AdjustTime(new DateTimeOffset(2026, 12, 3, 23, 59, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        Assert.True(gate.CheckToday("liaocheng-base-2021").AcceptsNewCall);
        app.Clock.AdjustTime(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        var closed = gate.CheckToday("liaocheng-base-2021");
        Assert.False(closed.AcceptsNewCall);
        Assert.Contains("在新版本录入前不受理新的申报批次", closed.Reason);
        Assert.True(gate.CheckToday("kunming-base-2022").AcceptsNewCall);

        var versions = app.Services.GetRequiredService<ProgrammePolicies>().VersionsOf("liaocheng-base-2021");
        var successor = versions.Single() with { Version = "2026.1", EffectiveFrom = new DateOnly(2026, 12, 4), EffectiveTo = null };
        Assert.True(ProgrammeCallGate.Decide([.. versions, successor], new DateOnly(2026, 12, 4)).AcceptsNewCall);
        Assert.False(ProgrammeCallGate.Decide(versions, new DateOnly(2021, 12, 3)).AcceptsNewCall);
    }
}
