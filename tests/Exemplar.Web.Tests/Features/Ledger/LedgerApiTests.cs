using System.Net;
using System.Text.Json;
using Exemplar.Domain.Ledger;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Tests.Features.Surveys;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Tests.Features.Ledger;

/// <summary>The read-only ledger API is scoped exactly like the pages and its figures are the hand-computed ones.</summary>
public sealed class LedgerApiTests(SurveyFactory app) : IClassFixture<SurveyFactory>
{
    private readonly SurveyTestData data = new(app);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static List<string> Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

    private Task<Dictionary<string, Guid>> CarrierIdsAsync() => data.DbAsync(db => db.Set<Carrier>().ToDictionaryAsync(c => c.Name, c => c.Id));

    [Fact]
    public async Task The_wuhua_officer_lists_wuhua_carriers_only_and_the_city_officer_all_of_kunming_paginated()
    {
        var wuhua = await JsonAsync(await (await app.SignedInAsync("km.wuhua")).GetAsync("/api/v1/carriers"));
        Assert.Equal(["五华科技创业示范园", "昆明五华创新创业园"], Names(wuhua)); // the designated demo base (Designations) is in 五华 too
        Assert.All(wuhua.GetProperty("items").EnumerateArray(), i => Assert.Equal("530102", i.GetProperty("jurisdictionCode").GetString()));

        var city = await app.SignedInAsync("km.city");
        var first = await JsonAsync(await city.GetAsync("/api/v1/carriers?page=1&pageSize=2"));
        var second = await JsonAsync(await city.GetAsync("/api/v1/carriers?page=2&pageSize=2"));
        Assert.Equal(4, first.GetProperty("total").GetInt32()); // 五华, 五华科技 (designated demo base), 高新分园 (530100Z02), 盘龙 — not 聊城 or 拉萨
        Assert.Equal(["五华创新创业园高新分园", "五华科技创业示范园", "昆明五华创新创业园", "盘龙众创空间"], Names(first).Concat(Names(second)).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(2, Names(first).Count);

        var applicant = await JsonAsync(await (await app.SignedInAsync("km.applicant2")).GetAsync("/api/v1/carriers"));
        Assert.Equal(["盘龙众创空间"], Names(applicant));
        var tooBig = await city.GetAsync("/api/v1/carriers?pageSize=500");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal("application/problem+json", tooBig.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Outside_the_scope_is_403_unknown_is_404_experts_403_anonymous_401_all_problem_details()
    {
        var ids = await CarrierIdsAsync();
        var wuhuaBase = ids["昆明五华创新创业园"];
        var panlong = await app.SignedInAsync("km.panlong");
        foreach (var url in new[] { $"/api/v1/carriers/{wuhuaBase}/metrics/2025", $"/api/v1/carriers/{wuhuaBase}/profile/2025" })
        {
            var r = await panlong.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
            Assert.Equal(403, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        }
        var unknown = await panlong.GetAsync($"/api/v1/carriers/{Guid.NewGuid()}/metrics/2025");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("km.expert")).GetAsync("/api/v1/carriers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync($"/api/v1/carriers/{wuhuaBase}/metrics/2025")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("km.wuhua")).GetAsync($"/api/v1/carriers/{wuhuaBase}/metrics/2025")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await (await app.SignedInAsync("km.wuhua")).GetAsync($"/api/v1/carriers/{wuhuaBase}/metrics/1999")).StatusCode);
    }

    /// <summary>
    /// 甲 (micro, 12 employees in 2025) and 乙 (small, 20) both resident; 2025 entries: 信息服务 event with 甲, 乙 and one
    /// outside enterprise (3 家次, 1 次, 30 人次); 信息服务 one-to-one with 甲 (1 家次, 2 人次); 培训 with 甲, 乙
    /// (2 家次, 1 次, 40 人次). Survey: 甲 satisfied, 乙 not → 50%.
    /// </summary>
    private async Task<Guid> HandCountedCarrierAsync()
    {
        var carrier = await data.CarrierAsync("接口计数园");
        var jia = await data.EnterpriseAsync(carrier, "甲科技有限公司", 1);
        var yi = await data.EnterpriseAsync(carrier, "乙信息有限公司", 2, SizeClass.Small);
        await data.DbAsync(async db =>
        {
            db.Add(new ResidentYearFigure { EnterpriseId = jia, Year = 2025, Employees = 12 });
            db.Add(new ResidentYearFigure { EnterpriseId = yi, Year = 2025, Employees = 20 });
            db.Add(new LedgerEntry
            {
                CarrierId = carrier, Function = ServiceFunction.InformationService, Date = new DateOnly(2025, 3, 1), Place = "厅", Form = ServiceForm.Event,
                ResidentIds = [jia, yi], OtherNames = ["外区企业"], PersonCount = 30, Fee = FeeClass.Free, Feedback = "好",
            });
            db.Add(new LedgerEntry
            {
                CarrierId = carrier, Function = ServiceFunction.InformationService, Date = new DateOnly(2025, 3, 2), Place = "厅", Form = ServiceForm.OneToOne,
                ResidentIds = [jia], PersonCount = 2, Fee = FeeClass.Market, Feedback = "好",
            });
            db.Add(new LedgerEntry
            {
                CarrierId = carrier, Function = ServiceFunction.Training, Date = new DateOnly(2025, 7, 1), Place = "厅", Form = ServiceForm.Training,
                ResidentIds = [jia, yi], PersonCount = 40, Fee = FeeClass.LowFee, Feedback = "好",
            });
            foreach (var (enterprise, satisfied) in new[] { (jia, true), (yi, false) })
            {
                var inv = new SurveyInvitation
                {
                    CarrierId = carrier, EnterpriseId = enterprise, Year = 2025, TokenHash = $"{enterprise:N}".PadRight(64, '0'),
                    CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1), AnsweredAt = DateTimeOffset.UtcNow,
                };
                db.Add(inv);
                db.Add(new SurveyAnswer { InvitationId = inv.Id, Function = null, Satisfied = satisfied });
                db.Add(new SurveyAnswer { InvitationId = inv.Id, Function = ServiceFunction.Training, Satisfied = true }); // per-function: not in the rate
            }
            return await db.SaveChangesAsync();
        });
        return carrier;
    }

    [Fact]
    public async Task Metrics_per_function_are_the_hand_computed_counts()
    {
        var carrier = await HandCountedCarrierAsync();
        var m = await JsonAsync(await (await app.SignedInAsync("km.applicant")).GetAsync($"/api/v1/carriers/{carrier}/metrics/2025"));
        JsonElement F(string id) => m.GetProperty("functions").EnumerateArray().Single(f => f.GetProperty("function").GetString() == id);
        Assert.Equal(4, F("informationService").GetProperty("enterpriseVisits").GetInt32());
        Assert.Equal(3, F("informationService").GetProperty("enterprisesServed").GetInt32());
        Assert.Equal(1, F("informationService").GetProperty("events").GetInt32());
        Assert.Equal(32, F("informationService").GetProperty("personTimes").GetInt32());
        Assert.Equal(2, F("training").GetProperty("enterpriseVisits").GetInt32());
        Assert.Equal(1, F("training").GetProperty("events").GetInt32());
        Assert.Equal(40, F("training").GetProperty("personTimes").GetInt32());
        Assert.Equal(0, F("marketing").GetProperty("enterpriseVisits").GetInt32());
        Assert.Equal(11, m.GetProperty("functions").GetArrayLength());
        // Free/low-fee: (3 + 2) of 6 家次 = 83.33%; satisfaction: 1 of 2 enterprises = 50%.
        Assert.Equal(5, m.GetProperty("freeOrLowFeeShare").GetProperty("numerator").GetInt32());
        Assert.Equal(6, m.GetProperty("freeOrLowFeeShare").GetProperty("denominator").GetInt32());
        Assert.Equal(83.33m, m.GetProperty("freeOrLowFeeShare").GetProperty("percent").GetDecimal());
        Assert.Equal(50m, m.GetProperty("satisfaction").GetProperty("percent").GetDecimal());
        Assert.Equal(2, m.GetProperty("satisfaction").GetProperty("denominator").GetInt32());
        Assert.Equal(2, m.GetProperty("residentsAtYearEnd").GetProperty("smallMicro").GetInt32());
        Assert.Equal(32, m.GetProperty("residentsAtYearEnd").GetProperty("employees").GetInt32());
    }

    [Fact]
    public async Task The_profile_is_in_the_policy_profile_format_with_every_fact_sourced_from_the_ledger()
    {
        var carrier = await HandCountedCarrierAsync();
        var response = await (await app.SignedInAsync("km.wuhua")).GetAsync($"/api/v1/carriers/{carrier}/profile/2025");
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = ProfileJson.Parse(json); // the evaluator's own reader accepts it
        Assert.Equal("接口计数园", profile.Name);
        Assert.Equal(new DateOnly(2025, 12, 31), profile.ReferenceDate);
        Assert.All(profile.Facts.Values, f => Assert.Equal("ledger", f.Source));
        Assert.Equal(2m, profile.Get("residentSmallMicroCount")!.AsNumber);
        Assert.Equal(32m, profile.Get("smallMicroEmployeeCount")!.AsNumber);
        Assert.Equal(50m, profile.Get("userSatisfactionPercent")!.AsNumber);
        Assert.Equal(5m, profile.Get("freeOrLowFeeServiceVolume")!.AsNumber);
        Assert.Equal(6m, profile.Get("totalServiceVolume")!.AsNumber);
        Assert.Equal(4m, profile.Get(FactCatalogue.FunctionKey("informationService", "enterpriseVisits"))!.AsNumber);
        Assert.Equal(40m, profile.Get(FactCatalogue.FunctionKey("training", "personTimes"))!.AsNumber);
        Assert.Equal(true, profile.Get(FactCatalogue.FunctionKey("training", "offered"))!.AsBoolean);
        Assert.Equal(new DateOnly(2019, 5, 1), profile.Get("baseFoundedOn")!.AsDate);
        Assert.Equal([new YearValue(2024, 2), new YearValue(2025, 2)], profile.Get("residentSmallMicroSeries")!.AsSeries); // both entered on 2024-01-01
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("ledger", doc.RootElement.GetProperty("facts").GetProperty("functions").GetProperty("training").GetProperty("events").GetProperty("source").GetString());
    }
}
