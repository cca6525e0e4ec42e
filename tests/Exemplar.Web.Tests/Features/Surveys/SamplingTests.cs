using System.Net;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Tests.Features.Surveys;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Tests.Features.Surveys;

/// <summary>
/// 昆明办法第十条: the county authority samples at least 10% of the resident small/micro enterprises. 45 residents × 10%
/// = 4.5 → 5 (rounded up); the seed and population are recorded and the draw is reproduced from them.
/// </summary>
public sealed class SamplingTests(SurveyFactory app) : IClassFixture<SurveyFactory>
{
    private readonly SurveyTestData data = new(app);

    private static Dictionary<string, string> Fields(params (string, string)[] kv) => kv.ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>45 current small/micro residents, plus 3 of size "other" and 2 that left — neither is in the population.</summary>
    private async Task<(Guid Carrier, List<Guid> Population)> CarrierWith45Async(string name)
    {
        var carrier = await data.CarrierAsync(name);
        var population = new List<Guid>();
        for (var i = 0; i < 45; i++)
            population.Add(await data.EnterpriseAsync(carrier, $"抽查企业{i:D2}", i, i % 3 == 0 ? SizeClass.Small : SizeClass.Micro));
        for (var i = 45; i < 48; i++) await data.EnterpriseAsync(carrier, $"中型企业{i}", i, SizeClass.Other);
        for (var i = 48; i < 50; i++) await data.EnterpriseAsync(carrier, $"迁出企业{i}", i, exit: new DateOnly(2026, 6, 30));
        return (carrier, population);
    }

    private async Task<(HttpClient Officer, Guid Sample, string Url)> DrawAsync(Guid carrier, string share = "10")
    {
        var officer = await app.SignedInAsync("km.wuhua");
        var r = await officer.PostFormAsync($"/Base/{carrier}/Sampling", Fields(("Year", "2025"), ("SharePercent", share)), formSelector: "form#draw");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var url = r.Headers.Location!.OriginalString;
        return (officer, Guid.Parse(url.Split('/')[^1]), url);
    }

    [Fact]
    public async Task Ten_percent_of_45_residents_is_5_and_the_draw_is_recorded_and_reproduced()
    {
        var (carrier, population) = await CarrierWith45Async("抽查四十五园");
        var officer = await app.SignedInAsync("km.wuhua");
        var before = await officer.GetDocumentAsync($"/Base/{carrier}/Sampling");
        Assert.Equal("45", before.QuerySelector("#population-now")!.TextContent.Trim());
        Assert.Equal("5", before.QuerySelector("#expected-size")!.TextContent.Trim());

        var (_, sampleId, url) = await DrawAsync(carrier);
        var sample = await data.DbAsync(db => db.Set<SurveySample>().SingleAsync(s => s.Id == sampleId));
        Assert.Equal(45, sample.PopulationCount);
        Assert.Equal(5, sample.MemberIds.Count);                    // ⌈45 × 10%⌉ = ⌈4.5⌉ = 5
        Assert.Equal(5, sample.MemberIds.Distinct().Count());
        Assert.Subset(population.ToHashSet(), sample.MemberIds.ToHashSet());
        // The recorded population is exactly the 45 (no "other" size, nobody who left), in the sampler's order (32 hex digits, ordinal).
        Assert.Equal(population.OrderBy(g => g.ToString("N"), StringComparer.Ordinal), sample.PopulationIds);
        Assert.Equal(new DateOnly(2026, 11, 21), sample.PopulationDate);
        Assert.Equal(10m, sample.SharePercent);
        Assert.Equal("王芳（五华区工信局）", sample.DrawnBy);
        Assert.True(sample.Seed > 0);
        // Anyone holding the record recomputes the same draw.
        Assert.Equal(sample.MemberIds, SurveySampler.Draw(sample.PopulationIds, sample.SharePercent, (ulong)sample.Seed));

        var page = await officer.GetDocumentAsync(url);
        Assert.Equal("5", page.QuerySelector("#sample-size")!.TextContent.Trim());
        Assert.Equal(sample.Seed.ToString(), page.QuerySelector("#seed")!.TextContent.Trim());
        Assert.Equal(5, page.QuerySelectorAll("#answers tbody tr").Length);
        var reproduced = await officer.GetDocumentAsync(url + "?reproduce=true");
        Assert.Equal("true", reproduced.QuerySelector("#reproduce-result")!.GetAttribute("data-identical"));
        Assert.Contains("复现结果一致", reproduced.QuerySelector("#reproduce-result")!.TextContent);

        // Altering the recorded members afterwards is caught by the reproduce check.
        var outsider = population.First(p => !sample.MemberIds.Contains(p));
        await data.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE survey_samples SET member_ids[1] = {outsider} WHERE id = {sampleId}"));
        var tampered = await officer.GetDocumentAsync(url + "?reproduce=true");
        Assert.Equal("false", tampered.QuerySelector("#reproduce-result")!.GetAttribute("data-identical"));

        Assert.Equal(1, await data.DbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.EntityId == sampleId.ToString() && a.Operation == "满意度抽查.抽取")));
    }

    [Theory]
    [InlineData(45, "10", 5)]   // 4.5 → 5
    [InlineData(40, "10", 4)]   // exactly 4
    [InlineData(41, "10", 5)]   // 4.1 → 5
    [InlineData(3, "10", 1)]    // 0.3 → at least 1
    [InlineData(45, "12.5", 6)] // 5.625 → 6
    public void Sample_size_is_the_share_rounded_up(int population, string share, int expected) =>
        Assert.Equal(expected, SurveySampler.SizeFor(population, decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Answers_are_recorded_apart_from_the_survey_and_the_rates_are_shown_side_by_side()
    {
        var (carrier, population) = await CarrierWith45Async("抽查答复园");
        // The operator's own survey for 2025: 3 of 4 satisfied → 75%.
        await data.DbAsync(async db =>
        {
            for (var i = 0; i < 4; i++)
            {
                var inv = new SurveyInvitation
                {
                    CarrierId = carrier, EnterpriseId = population[i], Year = 2025, TokenHash = $"{carrier:N}{i:D32}",
                    CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1), AnsweredAt = DateTimeOffset.UtcNow,
                };
                db.Add(inv);
                db.Add(new SurveyAnswer { InvitationId = inv.Id, Function = null, Satisfied = i != 3 });
            }
            return await db.SaveChangesAsync();
        });
        var (officer, sampleId, url) = await DrawAsync(carrier);
        var members = await data.DbAsync(db => db.Set<SurveySample>().Where(s => s.Id == sampleId).Select(s => s.MemberIds).SingleAsync());
        var surveyAnswersBefore = await data.DbAsync(db => db.Set<SurveyAnswer>().CountAsync());

        // 4 satisfied, 1 not → 80%.
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < 5; i++)
        {
            fields[$"Rows[{i}].EnterpriseId"] = members[i].ToString();
            fields[$"Rows[{i}].Satisfied"] = i == 4 ? "false" : "true";
            fields[$"Rows[{i}].ContactMethod"] = i % 2 == 0 ? "Phone" : "Visit";
            fields[$"Rows[{i}].Comment"] = i == 4 ? "培训通知太晚" : "";
        }
        fields["Version"] = await SheetVersionAsync(officer, url);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(url, fields, formSelector: "form#answers")).StatusCode);
        var page = await officer.GetDocumentAsync(url);
        Assert.StartsWith("80%", page.QuerySelector("#sample-rate")!.TextContent.Trim());
        Assert.StartsWith("75%", page.QuerySelector("#operator-rate")!.TextContent.Trim());
        var list = await officer.GetDocumentAsync($"/Base/{carrier}/Sampling");
        Assert.StartsWith("80%", list.QuerySelector($"tr[data-sample='{sampleId}'] .sample-rate")!.TextContent.Trim());
        Assert.StartsWith("75%", list.QuerySelector($"tr[data-sample='{sampleId}'] .operator-rate")!.TextContent.Trim());

        var stored = await data.DbAsync(db => db.Set<SurveySampleAnswer>().Where(a => a.SampleId == sampleId).ToListAsync());
        Assert.Equal(5, stored.Count);
        Assert.Equal(4, stored.Count(a => a.Satisfied));
        Assert.All(stored, a => Assert.Equal("王芳（五华区工信局）", a.RecordedBy));
        Assert.Equal(surveyAnswersBefore, await data.DbAsync(db => db.Set<SurveyAnswer>().CountAsync())); // the operator's survey is untouched
        Assert.Equal("75%", (await officer.GetDocumentAsync($"/Base/{carrier}/Metrics/2025")).QuerySelector("#satisfaction")!.TextContent.Trim()[..3]);

        // A judgement without a contact method is refused and nothing changes.
        var bad = new Dictionary<string, string> { ["Rows[0].EnterpriseId"] = members[0].ToString(), ["Rows[0].Satisfied"] = "false", ["Version"] = await SheetVersionAsync(officer, url) };
        Assert.Contains((await (await officer.PostFormAsync(url, bad, formSelector: "form#answers")).ToDocumentAsync()).Errors(), e => e.Contains("请为已记录评价的企业选择联系方式"));
        Assert.True(await data.DbAsync(db => db.Set<SurveySampleAnswer>().Where(a => a.SampleId == sampleId && a.EnterpriseId == members[0]).Select(a => a.Satisfied).SingleAsync()));
    }

    /// <summary>The version the answer sheet carries (a browser posts it back with the answers).</summary>
    private static async Task<string> SheetVersionAsync(HttpClient officer, string url) =>
        (await officer.GetDocumentAsync(url)).QuerySelector("form#answers input[name=Version]")!.GetAttribute("value")!;

    [Fact]
    public async Task The_operator_sees_nothing_before_completion_and_only_the_aggregate_after()
    {
        var (carrier, _) = await CarrierWith45Async("抽查保密园");
        var (officer, sampleId, url) = await DrawAsync(carrier);
        var applicant = await app.SignedInAsync("km.applicant");
        var before = await applicant.GetDocumentAsync($"/Base/{carrier}/Sampling");
        Assert.Null(before.QuerySelector("#samples"));
        Assert.Null(before.QuerySelector("form#draw"));
        Assert.Contains("/Error/403", (await applicant.GetAsync(url)).Headers.Location?.OriginalString ?? "");
        Assert.Contains("/Error/403", (await applicant.PostAsync($"/Base/{carrier}/Sampling", new FormUrlEncodedContent(Fields(("Year", "2025"))))).Headers.Location?.OriginalString ?? "");

        var members = await data.DbAsync(db => db.Set<SurveySample>().Where(s => s.Id == sampleId).Select(s => s.MemberIds).SingleAsync());
        await officer.PostFormAsync(url, Fields(("Rows[0].EnterpriseId", members[0].ToString()), ("Rows[0].Satisfied", "true"), ("Rows[0].ContactMethod", "Phone"),
            ("Version", await SheetVersionAsync(officer, url))), formSelector: "form#answers");
        var version = (await officer.GetDocumentAsync(url)).QuerySelector("form#complete input[name=Version]")!.GetAttribute("value")!;
        var unconfirmed = await officer.PostFormAsync(url, Fields(("Version", version)), postUrl: url + "?handler=Complete", formSelector: "form#complete");
        Assert.Contains((await unconfirmed.ToDocumentAsync()).Errors(), e => e.Contains("请勾选确认"));
        var done = await officer.PostFormAsync(url, Fields(("Version", version), ("Confirm", "true")), postUrl: url + "?handler=Complete", formSelector: "form#complete");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var after = await applicant.GetDocumentAsync($"/Base/{carrier}/Sampling");
        var row = after.QuerySelector($"#samples tr[data-sample='{sampleId}']")!;
        Assert.StartsWith("100%", row.QuerySelector(".sample-rate")!.TextContent.Trim());
        Assert.Null(row.QuerySelector("a"));                       // no way into the members
        var names = await data.DbAsync(db => db.Set<ResidentEnterprise>().Where(e => members.Contains(e.Id)).Select(e => e.Name).ToListAsync());
        Assert.All(names, n => Assert.DoesNotContain(n, after.Body!.TextContent));
        Assert.DoesNotContain("王芳", after.Body!.TextContent);

        // Completed: answers are frozen.
        Assert.Null((await officer.GetDocumentAsync(url)).QuerySelector("form#answers"));
        // A stale form posted anyway (antiforgery token from the page's header form) is refused.
        var locked = await officer.PostFormAsync(url, Fields(("Rows[0].EnterpriseId", members[0].ToString()), ("Rows[0].Satisfied", "false"), ("Rows[0].ContactMethod", "Phone")),
            postUrl: url, formSelector: "form[method=post]");
        Assert.Contains((await locked.ToDocumentAsync()).Errors(), e => e.Contains("该抽查已完成"));
        Assert.True(await data.DbAsync(db => db.Set<SurveySampleAnswer>().Where(a => a.SampleId == sampleId && a.EnterpriseId == members[0]).Select(a => a.Satisfied).SingleAsync()));
    }

    [Fact]
    public async Task A_panlong_officer_cannot_sample_a_wuhua_carrier_and_nothing_is_saved()
    {
        var (carrier, _) = await CarrierWith45Async("抽查越权园");
        var panlong = await app.SignedInAsync("km.panlong");
        Assert.Contains("/Error/403", (await panlong.GetAsync($"/Base/{carrier}/Sampling")).Headers.Location?.OriginalString ?? "");
        // Even with a valid antiforgery token from a page it may open, the cross-scope POST is refused before anything runs.
        var own = await data.CarrierAsync("盘龙抽查园", "530103", "km-base2");
        var form = await panlong.GetDocumentAsync($"/Base/{own}/Sampling");
        var token = form.QuerySelector("form#draw input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await panlong.PostAsync($"/Base/{carrier}/Sampling", new FormUrlEncodedContent(Fields(("__RequestVerificationToken", token), ("Year", "2025"), ("SharePercent", "10"))));
        Assert.Contains("/Error/403", post.Headers.Location?.OriginalString ?? "");
        Assert.Equal(0, await data.DbAsync(db => db.Set<SurveySample>().CountAsync(s => s.CarrierId == carrier)));
        // The city (designating) officer covers 五华 and may sample it.
        var city = await app.SignedInAsync("km.city");
        var ok = await city.PostFormAsync($"/Base/{carrier}/Sampling", Fields(("Year", "2025"), ("SharePercent", "10")), formSelector: "form#draw");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }

    [Fact]
    public async Task An_invalid_share_or_an_empty_population_is_refused()
    {
        var (carrier, _) = await CarrierWith45Async("抽查校验园");
        var officer = await app.SignedInAsync("km.wuhua");
        foreach (var (share, message) in new[] { ("0", "抽查比例应大于0%"), ("101", "抽查比例应大于0%且不超过100%"), ("10.125", "最多保留两位小数") })
        {
            var r = await officer.PostFormAsync($"/Base/{carrier}/Sampling", Fields(("Year", "2025"), ("SharePercent", share)), formSelector: "form#draw");
            Assert.Contains((await r.ToDocumentAsync()).Errors(), e => e.Contains(message));
        }
        var empty = await data.CarrierAsync("抽查空园");
        var none = await officer.PostFormAsync($"/Base/{empty}/Sampling", Fields(("Year", "2025"), ("SharePercent", "10")), formSelector: "form#draw");
        Assert.Contains((await none.ToDocumentAsync()).Errors(), e => e.Contains("没有入驻的小型、微型企业"));
        Assert.Equal(0, await data.DbAsync(db => db.Set<SurveySample>().CountAsync(s => s.CarrierId == carrier || s.CarrierId == empty)));
    }

    [Fact]
    public async Task A_second_sample_for_the_same_base_and_year_needs_a_confirmation_and_a_recorded_reason()
    {
        var (carrier, _) = await CarrierWith45Async("抽查再抽园");
        var (officer, _, _) = await DrawAsync(carrier);
        // Without confirming, or confirming without a reason: refused, and only the first sample exists.
        foreach (var fields in new[] { Fields(("Year", "2025"), ("SharePercent", "10")), Fields(("Year", "2025"), ("SharePercent", "10"), ("ConfirmRedraw", "true"), ("RedrawReason", " ")) })
        {
            var refused = await officer.PostFormAsync($"/Base/{carrier}/Sampling", fields, formSelector: "form#draw");
            Assert.Contains((await refused.ToDocumentAsync()).Errors(), e => e.Contains("2025年度已有 1 次抽查") && e.Contains("原因"));
        }
        Assert.Equal(1, await data.DbAsync(db => db.Set<SurveySample>().CountAsync(s => s.CarrierId == carrier)));
        // The page offers the confirmation once a year has a sample.
        Assert.NotNull((await officer.GetDocumentAsync($"/Base/{carrier}/Sampling")).QuerySelector("form#draw #redraw textarea[name=RedrawReason]"));
        // Confirmed with a reason: drawn, the reason recorded with the new sample and shown on it.
        var ok = await officer.PostFormAsync($"/Base/{carrier}/Sampling",
            Fields(("Year", "2025"), ("SharePercent", "10"), ("ConfirmRedraw", "true"), ("RedrawReason", "上次样本的名单含已迁出企业，作废重抽")), formSelector: "form#draw");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var second = await data.DbAsync(db => db.Set<SurveySample>().Where(s => s.CarrierId == carrier).OrderBy(s => s.DrawnAt).ThenBy(s => s.Id).ToListAsync());
        Assert.Equal(2, second.Count);
        Assert.Contains(second, s => s.RedrawReason == "上次样本的名单含已迁出企业，作废重抽");
        Assert.Contains(second, s => s.RedrawReason is null);
        var detail = await officer.GetDocumentAsync(ok.Headers.Location!.OriginalString);
        Assert.Equal("上次样本的名单含已迁出企业，作废重抽", detail.QuerySelector("#redraw-reason")!.TextContent.Trim());
        // Another year is a first sample again.
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/Base/{carrier}/Sampling", Fields(("Year", "2024"), ("SharePercent", "10")), formSelector: "form#draw")).StatusCode);
    }
}
