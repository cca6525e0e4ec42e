using System.Net;
using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.ChangeFilings;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.ChangeFilings;

/// <summary>
/// 重大变更备案 on real PostgreSQL (the clock at 2026-11-21). Due dates are counted in working days on the product's calendar
/// across 2026's 国庆 (10月1日–7日 off, 10月10日 a working Saturday — the reference calendar): 聊城第十五条 变更完成后十个工作日,
/// 北京第十七条 发生变更后30个工作日, 昆明第十九条 更改完成后10个工作日.
/// </summary>
public sealed class ChangeFilingTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static (string, string)[] Fields(string kind, string description, string eventOn, Guid designation) =>
        [("designation", designation.ToString()), ("ChangeKind", kind), ("Description", description), ("EventOn", eventOn)];

    [Fact]
    public async Task A_liaocheng_change_completed_before_national_day_is_due_on_19_october_goes_through_the_county_and_shows_in_the_registry()
    {
        var (designation, carrier) = await CaseForms.DemoAsync(app.Services, "东昌府区创业创新示范园");
        var applicant = await app.SignedInAsync("lc.applicant");
        var url = $"/ChangeFilings/New?designation={designation}";
        // 9月29日 completed: 9月30日 (1), 10月1日–7日 off, 10月8日–10日 (2–4), 10月12日–16日 (5–9), 10月19日 (10).
        var id = CaseForms.IdFrom(await CaseForms.PostAsync(applicant, url, Fields("名称", "名称由“东昌府区创业创新示范园”变更为“东昌府区创新创业示范园”", "2026-09-29", designation),
            [("Evidence", "变更登记通知书.pdf", CaseForms.Pdf)]));
        var filing = await CaseForms.WithDbAsync(app.Services, db => db.Set<ChangeFiling>().AsNoTracking().SingleAsync(f => f.Id == id));
        Assert.Equal(new DateOnly(2026, 10, 19), filing.DueOn);
        Assert.Equal(33, filing.DaysLate); // filed 2026-11-21
        Assert.Equal(ChangeFilingStage.AtLocalAuthority, filing.Stage);
        Assert.Contains("逾期33天", (await applicant.GetDocumentAsync($"/ChangeFilings/{id}")).QuerySelector("#late")!.TextContent);

        // 通过所属辖区的中小企业主管部门报市工信局: the city cannot accept before the county passes it on.
        var city = await app.SignedInAsync("lc.city");
        // (The city's page has no form at this stage: the token comes from another of its forms.)
        var early = await city.PostFormAsync($"/Revocations/Start?designation={designation}", new Dictionary<string, string> { ["Action"] = "Accept" }, postUrl: $"/ChangeFilings/{id}");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("该备案当前不由您办理", (await early.ToDocumentAsync()).QuerySelector("#errors")!.TextContent);
        var county = await app.SignedInAsync("lc.dongchangfu");
        Assert.Equal(HttpStatusCode.Redirect, (await county.PostFormAsync($"/ChangeFilings/{id}", new Dictionary<string, string> { ["Action"] = "Forward", ["Reason"] = "材料齐全，同意转报" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostFormAsync($"/ChangeFilings/{id}", new Dictionary<string, string> { ["Action"] = "Accept" })).StatusCode);

        filing = await CaseForms.WithDbAsync(app.Services, db => db.Set<ChangeFiling>().AsNoTracking().SingleAsync(f => f.Id == id));
        Assert.Equal(ChangeFilingStage.Accepted, filing.Stage);
        var change = await CaseForms.WithDbAsync(app.Services, db => db.Set<DesignationChange>().AsNoTracking().SingleAsync(c => c.Id == filing.DesignationChangeId));
        Assert.Equal(new DateOnly(2026, 9, 29), change.CompletedOn);
        var history = (await app.Client().GetDocumentAsync($"/Registry/Bases/{carrier}")).QuerySelector("table.history")!.TextContent;
        Assert.Contains("2026年9月29日", history);
        Assert.Contains("变更：名称：名称由“东昌府区创业创新示范园”变更为“东昌府区创新创业示范园”", history);

        // The filed change fulfils its obligation; the demo change of 11月20日, not filed, is still due.
        using var scope = app.Services.CreateScope();
        var obligations = await scope.ServiceProvider.GetRequiredService<ObligationCatalog>().DeriveAsync(new DateOnly(2026, 11, 21), default);
        var mine = obligations.Where(o => o.Obligation.Kind == ObligationKind.ChangeFiling && o.Obligation.Key.Contains($"designation-{designation:N}")).ToList();
        Assert.Equal(filing.FiledOn, mine.Single(o => o.Obligation.Key.EndsWith("/2026-09-29", StringComparison.Ordinal)).FiledOn);
        Assert.Null(mine.Single(o => o.Obligation.Key.EndsWith("/2026-11-20", StringComparison.Ordinal)).FiledOn);
    }

    [Fact]
    public async Task A_beijing_change_counts_30_working_days_from_its_occurrence_and_the_city_publishes_its_decision_with_a_number()
    {
        var (designation, carrier) = await CaseForms.DemoAsync(app.Services, "海淀中关村创业示范基地");
        var applicant = await app.SignedInAsync("bj.applicant");
        var id = CaseForms.IdFrom(await CaseForms.PostAsync(applicant, $"/ChangeFilings/New?designation={designation}",
            Fields("地址", "地址迁至海淀区中关村大街1号", "2026-09-29", designation), [("Evidence", "租赁合同.pdf", CaseForms.Pdf)]));
        var filing = await CaseForms.WithDbAsync(app.Services, db => db.Set<ChangeFiling>().AsNoTracking().SingleAsync(f => f.Id == id));
        // 9月30日 (1), 10月8日–10日 (2–4), then five a week: 11月16日 is the 30th working day.
        Assert.Equal(new DateOnly(2026, 11, 16), filing.DueOn);
        Assert.Equal(5, filing.DaysLate);
        Assert.Equal(ChangeFilingStage.WithAuthority, filing.Stage); // no local level in 北京第十七条

        var city = await app.SignedInAsync("bj.city");
        var page = await city.GetDocumentAsync($"/ChangeFilings/{id}");
        Assert.NotNull(page.QuerySelector($"a[href^='/Revocations/Start?designation={designation}&ground=major-change&filing={id}']"));
        var missing = await city.PostFormAsync($"/ChangeFilings/{id}", new Dictionary<string, string> { ["Action"] = "Accept" });
        var errors = (await missing.ToDocumentAsync()).QuerySelector("#errors")!.TextContent;
        Assert.Contains("请填写处理决定文号", errors);
        Assert.Contains("请写明变更决定的理由", errors);
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostFormAsync($"/ChangeFilings/{id}", new Dictionary<string, string>
            { ["Action"] = "Accept", ["DecisionNumber"] = "京经信函〔2026〕88号", ["Reason"] = "新址仍在海淀区，服务条件不变，予以变更。" })).StatusCode);
        var history = (await app.Client().GetDocumentAsync($"/Registry/Bases/{carrier}")).QuerySelector("table.history")!.TextContent;
        Assert.Contains("变更：地址：地址迁至海淀区中关村大街1号（变更决定 京经信函〔2026〕88号）", history);
    }

    [Fact]
    public async Task A_kunming_change_filed_within_10_working_days_is_not_late_and_bad_input_is_refused_in_chinese_with_nothing_saved()
    {
        var (designation, _) = await CaseForms.DemoAsync(app.Services, "五华科技创业示范园");
        var applicant = await app.SignedInAsync("km.applicant");
        var url = $"/ChangeFilings/New?designation={designation}";
        var before = await CaseForms.WithDbAsync(app.Services, db => db.Set<ChangeFiling>().CountAsync());
        // 地址 is not in 昆明第十九条's list (名称、运营主体、法定代表人等); a future day; no evidence.
        var bad = await CaseForms.PostAsync(applicant, url, Fields("地址", "迁址", "2026-12-01", designation));
        var errors = (await bad.ToDocumentAsync()).QuerySelector("#errors")!.TextContent;
        Assert.Contains("“地址”不是第十九条所列的重大变更事项（可选：名称、运营主体、法定代表人、其他）", errors);
        Assert.Contains("变更完成日期应在认定公告之日（2023年12月15日）至今天（2026年11月21日）之间", errors);
        Assert.Contains("请上传变更的证明材料", errors);
        Assert.Equal(before, await CaseForms.WithDbAsync(app.Services, db => db.Set<ChangeFiling>().CountAsync()));

        // 11月13日 completed: 11月16日–20日 (1–5), 11月23日–27日 (6–10) → due 11月27日; filed 11月21日.
        var id = CaseForms.IdFrom(await CaseForms.PostAsync(applicant, url, Fields("运营主体", "运营主体变更为昆明五华科创运营有限公司", "2026-11-13", designation),
            [("Evidence", "决议.pdf", CaseForms.Pdf)]));
        var filing = await CaseForms.WithDbAsync(app.Services, db => db.Set<ChangeFiling>().AsNoTracking().SingleAsync(f => f.Id == id));
        Assert.Equal((new DateOnly(2026, 11, 27), 0, ChangeFilingStage.WithAuthority), (filing.DueOn, filing.DaysLate, filing.Stage));
        // Another base's operator, and the other city, never reach it.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("km.applicant2")).GetAsync($"/ChangeFilings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("lc.city")).GetAsync($"/ChangeFilings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("km.wuhua")).GetAsync($"/ChangeFilings/{id}")).StatusCode);
    }
}
