using System.Net;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Account;

public sealed class SignInTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    [Fact]
    public async Task Demo_user_signs_in_and_lands_on_the_workbench_of_its_role()
    {
        var client = app.Client();
        var response = await client.SignInAsync("km.wuhua", DemoDirectory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Workbench", response.Headers.Location!.OriginalString);
        var page = await client.GetDocumentAsync("/Workbench");
        Assert.Contains("县（市、区）主管部门工作台", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("五华区", page.QuerySelector(".lead")!.TextContent);
    }

    [Fact]
    public async Task Wrong_password_gives_a_chinese_message_and_counts_down_to_lockout()
    {
        var client = app.Client();
        var response = await client.SignInAsync("km.panlong", "wrong-password-1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ToDocumentAsync();
        Assert.Contains("用户名或密码错误。再失败4次账户将被锁定。", page.Errors());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password_until_the_lockout_ends()
    {
        var client = app.Client();
        for (var i = 0; i < 4; i++) await client.SignInAsync("lc.expert", "wrong-password-1");
        var fifth = await (await client.SignInAsync("lc.expert", "wrong-password-1")).ToDocumentAsync();
        Assert.Contains("连续5次登录失败，账户已锁定15分钟。", fifth.Errors());

        var locked = await (await client.SignInAsync("lc.expert", DemoDirectory.Password)).ToDocumentAsync();
        Assert.Contains(locked.Errors(), e => e.StartsWith("连续登录失败次数过多，账户已锁定"));

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var after = await client.SignInAsync("lc.expert", DemoDirectory.Password);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_applies_the_rules_and_signs_out_other_sessions()
    {
        var first = await app.SignedInAsync("bj.expert");
        var second = await app.SignedInAsync("bj.expert");

        var weak = await (await first.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoDirectory.Password, ["NewPassword"] = "short", ["ConfirmPassword"] = "short",
        })).ToDocumentAsync();
        Assert.Contains("密码长度不能少于10位。", weak.Errors());
        Assert.Contains("密码须包含数字。", weak.Errors());

        var ok = await first.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoDirectory.Password, ["NewPassword"] = "NewSecret2026x", ["ConfirmPassword"] = "NewSecret2026x",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/Workbench")).StatusCode);
        var stale = await second.GetAsync("/Workbench");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("/Account/SignIn", stale.Headers.Location!.PathAndQuery);

        var fresh = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await fresh.SignInAsync("bj.expert", DemoDirectory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync("bj.expert", "NewSecret2026x")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = await app.SignedInAsync("xz.lasa");
        var response = await client.PostFormAsync("/Account/SignOut", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Workbench")).StatusCode);
    }

    [Fact]
    public async Task Failed_and_successful_sign_ins_are_audited_without_the_password_hash()
    {
        var client = app.Client();
        await client.SignInAsync("km.gaoxin", "wrong-password-1");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var user = await db.Set<UserAccount>().SingleAsync(u => u.UserName == "km.gaoxin");
        var rows = await db.Set<Exemplar.Web.Infrastructure.Auditing.AuditEntry>()
            .Where(a => a.EntityId == user.Id.ToString() && a.Operation == "账户.登录失败").ToListAsync();
        var row = Assert.Single(rows);
        using var before = System.Text.Json.JsonDocument.Parse(row.Before!);
        using var after = System.Text.Json.JsonDocument.Parse(row.After!);
        Assert.Equal(0, before.RootElement.GetProperty("AccessFailedCount").GetInt32());
        Assert.Equal(1, after.RootElement.GetProperty("AccessFailedCount").GetInt32());
        Assert.Equal("***", after.RootElement.GetProperty("PasswordHash").GetString());
        Assert.DoesNotContain("AQAAAA", row.After);
        Assert.Equal("km.gaoxin", after.RootElement.GetProperty("UserName").GetString());
    }
}
