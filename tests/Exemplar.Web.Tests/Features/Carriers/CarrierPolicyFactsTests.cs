using System.Net;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Carriers;

/// <summary>
/// The carrier record holds what the policy facts need (issue 10): its 第三条 type, the current operator's start and the
/// operating unit's founding, apart from the base's own founding; dates in a plausible window (clock 2026-11-21).
/// </summary>
public sealed class CarrierPolicyFactsTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static Dictionary<string, string> Form(params (string, string)[] extra)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "政策事实测试园", ["Form.Kind"] = "Base", ["Form.JurisdictionCode"] = "530102", ["Form.LeadingIndustries"] = "软件",
            ["Form.PrimaryType"] = "ProducerServices", ["Form.Area"] = "5000", ["Form.PublicServiceArea"] = "800", ["Form.EstablishedOn"] = "2019-05-01",
        };
        foreach (var (k, v) in extra) fields[k] = v;
        return fields;
    }

    private async Task<Carrier> CarrierAsync(string name)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ExemplarDbContext>().Set<Carrier>().AsNoTracking().SingleAsync(c => c.Name == name);
    }

    [Fact]
    public async Task Type_operator_start_and_operator_founding_are_saved_and_shown()
    {
        var client = await app.SignedInAsync("km.applicant");
        var r = await client.PostFormAsync("/Base/Create", Form(("Form.Name", "众创空间测试"), ("Form.CarrierType", "makerSpace"),
            ("Form.OperatorSince", "2024-07-01"), ("Form.OperatorFoundedOn", "2015-03-01")));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var saved = await CarrierAsync("众创空间测试");
        Assert.Equal(("makerSpace", new DateOnly(2024, 7, 1), new DateOnly(2015, 3, 1), new DateOnly(2019, 5, 1)),
            (saved.CarrierType, saved.OperatorSince, saved.OperatorFoundedOn, saved.EstablishedOn));
        var page = await (await client.GetAsync(r.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("众创空间", page);
        Assert.Contains("2024年7月1日", page);
    }

    [Theory]
    [InlineData("Form.OperatorSince", "2026-11-22", "现运营单位开始运营本基地的日期不能晚于今天（2026年11月21日），您填写的是2026年11月22日。")]
    [InlineData("Form.OperatorFoundedOn", "1949-09-30", "运营单位成立日期不能早于1949年10月1日，您填写的是1949年9月30日。")]
    [InlineData("Form.EstablishedOn", "2099-01-01", "基地成立日期不能晚于今天（2026年11月21日），您填写的是2099年1月1日。")]
    [InlineData("Form.OperatorSince", "2019-04-30", "现运营单位开始运营本基地的日期不能早于基地成立日期（2019年5月1日），您填写的是2019年4月30日。")]
    [InlineData("Form.CarrierType", "researchInstitute", "“科研院所”不是创业创新基地的载体类型。")]
    [InlineData("Form.CarrierType", "office", "请从列表中选择载体类型。")]
    public async Task Implausible_dates_and_types_are_refused_in_chinese_and_nothing_is_saved(string field, string value, string message)
    {
        var client = await app.SignedInAsync("km.applicant");
        var name = "拒绝测试" + Guid.NewGuid().ToString("N")[..6];
        var r = await client.PostFormAsync("/Base/Create", Form(("Form.Name", name), (field, value)));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(message, (await r.ToDocumentAsync()).Errors());
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ExemplarDbContext>().Set<Carrier>().AnyAsync(c => c.Name == name));
    }

    [Fact]
    public async Task The_boundary_dates_are_accepted()
    {
        var client = await app.SignedInAsync("km.applicant");
        var r = await client.PostFormAsync("/Base/Create", Form(("Form.Name", "边界日期测试"), ("Form.EstablishedOn", "1980-01-01"),
            ("Form.OperatorSince", "2026-11-21"), ("Form.OperatorFoundedOn", "1949-10-01")));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
    }

    [Fact]
    public async Task The_staff_page_gives_each_count_the_articles_ask_for()
    {
        // 昆明第六条第（五）项: 专职 with 本科 or 中级; 北京第六条第（八）项: all who serve with 本科 or 中级; 西藏平台 二（一）: all with 大专 or 中级.
        var client = await app.SignedInAsync("km.applicant");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Base/Create", Form(("Form.Name", "人员口径测试"), ("Form.CarrierType", "incubator")))).StatusCode);
        var staffUrl = $"/Base/{(await CarrierAsync("人员口径测试")).Id}/Staff";
        foreach (var (name, fullTime, education, title) in new[]
        {
            ("专职本科", "true", "Bachelor", "None"), ("兼职大专", "false", "JuniorCollege", "None"), ("兼职中级", "false", "HighSchool", "Intermediate"),
            ("专职高中", "true", "HighSchool", "Junior"),
        })
        {
            var r = await client.PostFormAsync(staffUrl, new Dictionary<string, string>
            {
                ["Name"] = name, ["Position"] = "服务专员", ["FullTime"] = fullTime, ["Education"] = education, ["Title"] = title, ["YearsAtBase"] = "1",
            });
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(staffUrl));
        Assert.Contains("专职服务人员 2 人，其中本科及以上学历或中级及以上职称 1 人（50", page);
        Assert.Contains("全部服务人员（含兼职）4 人，其中本科及以上学历或中级及以上职称 2 人，大专及以上学历或中级及以上职称 3 人", page);
    }
}
