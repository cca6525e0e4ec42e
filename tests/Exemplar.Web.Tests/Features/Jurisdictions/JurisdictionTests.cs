using System.Net;
using System.Net.Http.Json;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Jurisdictions;

public sealed class JurisdictionTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private async Task<List<Jurisdiction>> AllAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ExemplarDbContext>().Set<Jurisdiction>().AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Built_in_divisions_equal_the_gbt_2260_reference_for_the_regions_in_the_seeds()
    {
        using var _ = app.CreateClient();
        var reference = File.ReadAllLines(Path.Combine(TestDatabase.SharedFolder(), "reference", "divisions", "divisions.csv"))
            .Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => (Name: f[1], Parent: f[2].Length == 0 ? null : f[2]));
        var ours = (await AllAsync()).Where(j => j.Kind != JurisdictionKind.DevelopmentZone).ToDictionary(j => j.Code);
        Assert.Equal(125, reference.Count);
        Assert.Equal(reference.Keys.Order(), ours.Keys.Order());
        foreach (var (code, r) in reference)
        {
            Assert.Equal(r.Name, ours[code].Name);
            Assert.Equal(r.Parent, ours[code].ParentCode);
        }
        // Counties by region, as the reference describes them.
        Assert.Equal(74, ours.Values.Count(j => j.Code.StartsWith("54") && j.Kind == JurisdictionKind.County));
        Assert.Equal(16, ours.Values.Count(j => j.Code.StartsWith("11") && j.Kind == JurisdictionKind.County));
        Assert.Equal(8, ours.Values.Count(j => j.Code.StartsWith("3715") && j.Kind == JurisdictionKind.County));
        Assert.Equal(14, ours.Values.Count(j => j.Code.StartsWith("5301") && j.Kind == JurisdictionKind.County));
    }

    [Fact]
    public async Task The_recommending_development_zones_of_liaocheng_and_kunming_sit_under_their_city()
    {
        using var _ = app.CreateClient();
        var zones = (await AllAsync()).Where(j => j is { Kind: JurisdictionKind.DevelopmentZone, IsBuiltIn: true }).ToList();
        // 聊工信发〔2021〕133号 is addressed to 开发区经贸发展部、高新区科技创新发展部、度假区经济发展局.
        Assert.Equal(["聊城经济技术开发区", "聊城高新技术产业开发区", "聊城江北水城旅游度假区"],
            zones.Where(z => z.ParentCode == "371500").OrderBy(z => z.Code).Select(z => z.Name));
        // 昆工信规〔2022〕1号 is addressed to 开发（度假）区中小企业主管部门.
        Assert.Equal(3, zones.Count(z => z.ParentCode == "530100"));
        Assert.All(zones, z => Assert.StartsWith(z.ParentCode!, z.Code));
    }

    [Fact]
    public async Task An_administrator_adds_a_zone_which_is_audited_and_appears_in_the_public_api()
    {
        var admin = await app.SignedInAsync("admin");
        var response = await admin.PostFormAsync("/Admin/Jurisdictions", new Dictionary<string, string>
        {
            ["ParentCode"] = "530100", ["Kind"] = "DevelopmentZone", ["Code"] = "530100z09", ["Name"] = "阳宗海风景名胜区",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await app.Client().GetFromJsonAsync<List<JurisdictionApi.JurisdictionDto>>("/api/v1/jurisdictions");
        Assert.Contains(list!, j => j is { Code: "530100Z09", Name: "阳宗海风景名胜区", ParentCode: "530100" });

        using var scope = app.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<ExemplarDbContext>().Set<AuditEntry>()
            .SingleAsync(a => a.EntityType == "Jurisdiction" && a.EntityId == "530100Z09");
        Assert.Equal("行政区划.新增", audit.Operation);
        Assert.Equal("系统管理员", audit.ActorName);
        Assert.Null(audit.Before);
    }

    [Theory]
    [InlineData("530100", "County", "530199X", "行政区划代码应为6位数字")]
    [InlineData("530100", "County", "371599", "不属于上级 昆明市")]
    [InlineData("530100", "DevelopmentZone", "371500Z07", "开发区代码应以上级区划代码 530100 开头")]
    [InlineData("530100", "DevelopmentZone", "530100Z01", "代码 530100Z01 已存在")]
    [InlineData("", "County", "530199", "请选择上级区划")]
    public async Task Invalid_additions_are_refused_with_a_chinese_message_and_nothing_is_saved(string parent, string kind, string code, string message)
    {
        var admin = await app.SignedInAsync("admin");
        var before = (await AllAsync()).Count;
        var page = await (await admin.PostFormAsync("/Admin/Jurisdictions", new Dictionary<string, string>
        {
            ["ParentCode"] = parent, ["Kind"] = kind, ["Code"] = code, ["Name"] = "测试区划",
        })).ToDocumentAsync();
        Assert.Contains(page.Errors(), e => e.Contains(message));
        Assert.Equal(before, (await AllAsync()).Count);
    }

    [Fact]
    public void Subtrees_give_an_officer_her_county_only_and_a_city_officer_the_whole_city()
    {
        var tree = new JurisdictionTree(
        [
            new Jurisdiction { Code = "530000", Name = "云南省", Path = "/530000/", Kind = JurisdictionKind.Province },
            new Jurisdiction { Code = "530100", Name = "昆明市", ParentCode = "530000", Path = "/530000/530100/", Kind = JurisdictionKind.Prefecture },
            new Jurisdiction { Code = "530102", Name = "五华区", ParentCode = "530100", Path = "/530000/530100/530102/", Kind = JurisdictionKind.County },
            new Jurisdiction { Code = "530103", Name = "盘龙区", ParentCode = "530100", Path = "/530000/530100/530103/", Kind = JurisdictionKind.County },
            new Jurisdiction { Code = "530100Z02", Name = "昆明高新技术产业开发区", ParentCode = "530100", Path = "/530000/530100/530100Z02/", Kind = JurisdictionKind.DevelopmentZone },
        ]);
        Assert.Equal(["530102"], tree.SubtreeCodes("530102"));
        Assert.Equal(["530100", "530100Z02", "530102", "530103"], tree.SubtreeCodes("530100").Order());
        Assert.Equal("云南省 / 昆明市 / 五华区", tree.FullName("530102"));
    }
}
