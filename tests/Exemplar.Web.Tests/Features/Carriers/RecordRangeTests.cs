using System.Net;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Carriers;

/// <summary>
/// The forms' ranges at the boundary (saved) and one past it (refused with the Chinese message naming the field and the
/// range, nothing saved): ledger entries, resident enterprises, staff and partners. The imports' side is in the domain
/// tests (RecordLimitsTests) with the same messages. The test clock's today is 2026-11-21; 昆明五华创新创业园 was founded 2018-06-01.
/// </summary>
public sealed class RecordRangeTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private async Task<(Guid Carrier, Guid Entry, Guid Enterprise)> IdsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var carrier = await db.Set<Carrier>().SingleAsync(c => c.Name == "昆明五华创新创业园");
        var entry = await db.Set<LedgerEntry>().Where(e => e.CarrierId == carrier.Id).OrderBy(e => e.Date).Select(e => e.Id).FirstAsync();
        var enterprise = await db.Set<ResidentEnterprise>().Where(e => e.CarrierId == carrier.Id).OrderBy(e => e.Name).Select(e => e.Id).FirstAsync();
        return (carrier.Id, entry, enterprise);
    }

    private async Task<T> DbAsync<T>(Func<ExemplarDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ToDocumentAsync()).Errors());
    }

    [Theory]
    [InlineData("PersonCount", "100000", null)]
    [InlineData("PersonCount", "100001", "参与人数应为0至100000之间的整数（单位：人）。")]
    [InlineData("Date", "2026-11-21", null)]
    [InlineData("Date", "2026-11-22", "服务日期不能晚于今天（2026年11月21日），您填写的是2026年11月22日。")]
    [InlineData("Date", "2018-06-01", null)]
    [InlineData("Date", "2018-05-31", "服务日期不能早于基地成立日期（2018年6月1日），您填写的是2018年5月31日。")]
    [InlineData("Date", "2025-02-30", "服务日期“2025-02-30”不是有效的日期，请按 2025-03-01 的格式填写。")]
    [InlineData("PersonCount", "十二", "参与人数应填写整数，“十二”不是整数。")]
    [InlineData("Function", "99", "服务功能“99”不在可选范围内，请从列表中选择。")]
    public async Task A_ledger_entry_is_saved_at_each_boundary_and_refused_one_past_it(string field, string value, string? message)
    {
        var (carrier, entry, _) = await IdsAsync();
        var client = await app.SignedInAsync("km.applicant");
        var before = await DbAsync(db => db.Set<LedgerEntry>().AsNoTracking().SingleAsync(e => e.Id == entry));
        var response = await client.SubmitAsIsAsync($"/Base/{carrier}/Ledger/Edit/{entry}", new Dictionary<string, string> { [field] = value });
        var after = await DbAsync(db => db.Set<LedgerEntry>().AsNoTracking().SingleAsync(e => e.Id == entry));
        if (message is null)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return;
        }
        await AssertRefusedAsync(response, message);
        Assert.Equal((before.PersonCount, before.Date, before.Function, before.Version), (after.PersonCount, after.Date, after.Function, after.Version));
    }

    [Fact]
    public async Task A_place_of_200_characters_is_saved_and_201_is_refused()
    {
        var (carrier, entry, _) = await IdsAsync();
        var client = await app.SignedInAsync("km.applicant");
        var url = $"/Base/{carrier}/Ledger/Edit/{entry}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsIsAsync(url, new Dictionary<string, string> { ["Place"] = new('地', 200) })).StatusCode);
        await AssertRefusedAsync(await client.SubmitAsIsAsync(url, new Dictionary<string, string> { ["Place"] = new('地', 201) }), "服务地点不能超过200个字（现有201个字）。");
        Assert.Equal(200, await DbAsync(db => db.Set<LedgerEntry>().Where(e => e.Id == entry).Select(e => e.Place.Length).SingleAsync()));
    }

    [Theory]
    [InlineData("Years[0].Employees", "100000", null)]
    [InlineData("Years[0].Employees", "100001", "2024年从业人员应为0至100000之间的整数（单位：人）。")]
    [InlineData("Years[0].HighTech", "1", null)]
    [InlineData("Years[0].HighTech", "2", "2024年高新技术企业认定应为0至1之间的整数。")]
    [InlineData("Years[0].RevenueWan", "10000000", null)]
    [InlineData("Years[0].RevenueWan", "10000000.01", "2024年营业收入应在0至10000000之间（单位：万元），最多2位小数。")]
    [InlineData("Years[0].Employees", "abc", "从业人员应填写整数，“abc”不是整数。")]
    public async Task An_enterprises_yearly_figures_are_saved_at_each_boundary_and_refused_one_past_it(string field, string value, string? message)
    {
        var (carrier, _, enterprise) = await IdsAsync();
        var client = await app.SignedInAsync("km.applicant");
        var response = await client.SubmitAsIsAsync($"/Base/{carrier}/Enterprises/Edit/{enterprise}", new Dictionary<string, string> { [field] = value });
        if (message is null) Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        else await AssertRefusedAsync(response, message);
    }

    [Fact]
    public async Task An_agreement_that_ends_before_it_starts_is_refused_and_one_ending_the_day_it_starts_is_saved()
    {
        var (carrier, _, _) = await IdsAsync();
        var client = await app.SignedInAsync("km.applicant");
        var url = $"/Base/{carrier}/Partners";
        var fields = new Dictionary<string, string> { ["Name"] = "边界测试事务所", ["Services"] = "法律咨询", ["AgreementFrom"] = "2025-01-01", ["AgreementTo"] = "2024-12-31" };
        await AssertRefusedAsync(await client.SubmitAsIsAsync(url, fields), "协议截止日期（2024年12月31日）不能早于起始日期（2025年1月1日）。");
        Assert.False(await DbAsync(db => db.Set<PartnerAgency>().AnyAsync(p => p.Name == "边界测试事务所")));
        fields["AgreementTo"] = "2025-01-01";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsIsAsync(url, fields)).StatusCode);
    }

    [Fact]
    public async Task Years_at_the_base_are_saved_up_to_60_and_refused_past_it()
    {
        var (carrier, _, _) = await IdsAsync();
        var client = await app.SignedInAsync("km.applicant");
        var url = $"/Base/{carrier}/Staff";
        await AssertRefusedAsync(await client.SubmitAsIsAsync(url, new Dictionary<string, string> { ["Name"] = "边界甲", ["YearsAtBase"] = "60.1" }),
            "在基地工作年限应在0至60之间（单位：年），最多1位小数。");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsIsAsync(url, new Dictionary<string, string> { ["Name"] = "边界甲", ["YearsAtBase"] = "60" })).StatusCode);
    }
}
