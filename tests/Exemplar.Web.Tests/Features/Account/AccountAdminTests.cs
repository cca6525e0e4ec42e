using System.Net;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Account;

public sealed class AccountAdminTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private async Task<UserAccount> UserAsync(string userName)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ExemplarDbContext>().Set<UserAccount>().AsNoTracking().SingleAsync(u => u.UserName == userName);
    }

    [Fact]
    public async Task The_administrator_opens_a_county_officer_account_who_then_signs_in_scoped_to_the_county()
    {
        var admin = await app.SignedInAsync("admin");
        var response = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["UserName"] = "km.guandu", ["DisplayName"] = "钱进（官渡区工信局）", ["Role"] = "CountyOfficer",
            ["JurisdictionCode"] = "530111", ["Password"] = "Guandu2026xyz",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var officer = await app.SignedInAsync("km.guandu", "Guandu2026xyz");
        var home = await officer.GetDocumentAsync("/Workbench");
        Assert.Contains("官渡区", home.QuerySelector(".lead")!.TextContent);
    }

    [Theory]
    [InlineData("CountyOfficer", "530100", "县（市、区）主管部门不能设在地市级区划“昆明市”。")]
    [InlineData("ZoneOfficer", "530102", "开发区（园区）主管部门不能设在县级区划“五华区”。")]
    [InlineData("DesignatingOfficer", "", "请选择管辖区划。")]
    public async Task A_role_placed_in_the_wrong_kind_of_jurisdiction_is_refused(string role, string jurisdiction, string message)
    {
        var admin = await app.SignedInAsync("admin");
        var page = await (await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["UserName"] = "km.wrong", ["DisplayName"] = "测试", ["Role"] = role, ["JurisdictionCode"] = jurisdiction, ["Password"] = "Wrong2026xyz",
        })).ToDocumentAsync();
        Assert.Contains(message, page.Errors());
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_and_is_audited()
    {
        var officer = await app.SignedInAsync("lc.dongchangfu");
        var admin = await app.SignedInAsync("admin");
        var user = await UserAsync("lc.dongchangfu");
        var page = await admin.GetDocumentAsync("/Admin/Users?Q=lc.dongchangfu");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await admin.PostAsync("/Admin/Users?handler=State", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = user.Id.ToString(), ["version"] = user.Version.ToString(), ["action"] = "Disable", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync("/Workbench")).StatusCode);
        var again = await (await app.Client().SignInAsync("lc.dongchangfu", Exemplar.Web.Features.DemoData.DemoDirectory.Password)).ToDocumentAsync();
        Assert.Contains("该账户已停用，请联系管理员。", again.Errors());

        // A second administrator acting on the stale version is told, not silently overwritten.
        var stale = await admin.PostAsync("/Admin/Users?handler=State", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = user.Id.ToString(), ["version"] = user.Version.ToString(), ["action"] = "Enable", ["__RequestVerificationToken"] = token,
        }));
        Assert.Contains("该账户刚被其他管理员修改，请刷新后重试。", (await stale.ToDocumentAsync()).Errors());

        using var scope = app.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<ExemplarDbContext>().Set<Exemplar.Web.Infrastructure.Auditing.AuditEntry>()
            .AnyAsync(a => a.Operation == "账户.停用" && a.EntityId == user.Id.ToString()));
    }

    [Fact]
    public async Task The_list_filters_by_role_and_jurisdiction_subtree()
    {
        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetDocumentAsync("/Admin/Users?RoleFilter=CountyOfficer&Jurisdiction=530100");
        var names = page.QuerySelectorAll("tbody td.mono").Select(td => td.TextContent).ToList();
        Assert.Contains("km.wuhua", names);
        Assert.Contains("km.panlong", names);
        Assert.DoesNotContain("lc.dongchangfu", names);
        Assert.DoesNotContain("km.city", names);
    }
}
