using System.Net;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Account;

public sealed class RegistrationTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static Dictionary<string, string> Form(string uscc, string userName, string name = "五华区星火众创空间有限公司") => new()
    {
        ["OrganizationName"] = name, ["Uscc"] = uscc, ["JurisdictionCode"] = "530102", ["Address"] = "昆明市五华区学府路1号",
        ["ContactName"] = "周明", ["ContactPhone"] = "0871-65012345", ["UserName"] = userName,
        ["Password"] = "Xinghuo2026a", ["ConfirmPassword"] = "Xinghuo2026a",
    };

    private async Task<(int Orgs, int Users)> CountsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        return (await db.Set<Organization>().CountAsync(), await db.Set<UserAccount>().CountAsync());
    }

    [Fact]
    public async Task An_organisation_registers_with_a_valid_code_and_is_signed_in_as_its_applicant_user()
    {
        var client = app.Client();
        // 阿里巴巴（中国）有限公司's published code: valid check character "F".
        var response = await client.PostFormAsync("/Account/Register", Form("91330100716105852f", "wuhua.xinghuo"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await client.GetDocumentAsync("/Workbench");
        Assert.Equal("申报单位用户工作台", home.QuerySelector("h1")!.TextContent);
        Assert.Contains("91330100716105852F", home.QuerySelector("main")!.TextContent);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var org = await db.Set<Organization>().SingleAsync(o => o.Uscc == "91330100716105852F");
        Assert.Equal("530102", org.JurisdictionCode);
        Assert.Equal(OrganizationKind.Applicant, org.Kind);
        Assert.Equal(2, await db.Set<Exemplar.Web.Infrastructure.Auditing.AuditEntry>().CountAsync(a => a.Operation == "单位.注册" && (a.EntityId == org.Id.ToString() || a.EntityType == "UserAccount")));
    }

    [Theory]
    [InlineData("91330100716105852G", "统一社会信用代码校验位错误：第18位应为“F”，请核对后重新输入。")]
    [InlineData("9133010071610585", "统一社会信用代码应为18位，您输入了16位。")]
    [InlineData("91330100716105852O", "统一社会信用代码第18位“O”不是有效字符（不使用I、O、Z、S、V）。")]
    public async Task A_wrong_code_is_refused_with_a_clear_message_and_nothing_is_saved(string uscc, string message)
    {
        var before = await CountsAsync();
        var page = await (await app.Client().PostFormAsync("/Account/Register", Form(uscc, "wuhua.bad"))).ToDocumentAsync();
        Assert.Contains(message, page.Errors());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_code_that_is_already_registered_is_refused()
    {
        var page = await (await app.Client().PostFormAsync("/Account/Register", Form("91530102MA6K000111", "wuhua.dup"))).ToDocumentAsync();
        Assert.Contains(page.Errors(), e => e.StartsWith("该统一社会信用代码已注册"));
    }

    [Fact]
    public async Task Every_field_problem_is_reported_at_once()
    {
        var form = Form("91440300708461136T", "1x", name: "a");
        form["ContactPhone"] = "12345";
        form["ConfirmPassword"] = "different1x";
        form["JurisdictionCode"] = "530000";
        var page = await (await app.Client().PostFormAsync("/Account/Register", form)).ToDocumentAsync();
        var errors = page.Errors();
        Assert.Contains("单位名称应为2至200个字。", errors);
        Assert.Contains("请选择所在的县（市、区）、地市或开发区。", errors);
        Assert.Contains("请填写有效的联系电话（手机或带区号的固定电话）。", errors);
        Assert.Contains("用户名应为4至32位的英文字母、数字、点或下划线，并以字母开头。", errors);
        Assert.Contains("两次输入的密码不一致。", errors);
    }
}
