using System.Net;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Exemplar.Web.Tests.Features.Account;

/// <summary>
/// Two-factor sign-in (issue 8 item 6) as production runs it (Exemplar:TwoFactor:Enforce on): officers, experts and
/// administrators bind an authenticator before anything else; codes are TOTP (RFC 6238) computed here with Otp.NET at
/// the app's clock; a code is never accepted twice; recovery codes work once; an administrator's reset is audited.
/// </summary>
public sealed class TwoFactorTests(TwoFactorTests.EnforcingFactory app) : IClassFixture<TwoFactorTests.EnforcingFactory>
{
    public sealed class EnforcingFactory : ExemplarFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Exemplar:TwoFactor:Enforce", "true");
        }
    }

    private string CodeFor(byte[] secret) => new Totp(secret).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime);

    private async Task<T> DbAsync<T>(Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    /// <summary>Signs in with the password, binds an authenticator on the forced enrolment page; returns the client, secret and recovery codes.</summary>
    private async Task<(HttpClient Client, byte[] Secret, List<string> Codes)> EnrolAsync(string userName)
    {
        var client = app.Client();
        var afterPassword = await client.SignInAsync(userName, DemoDirectory.Password);
        Assert.Equal("/Account/TwoFactor/Enrol", afterPassword.Headers.Location?.OriginalString);
        // Nothing else is open before the second factor is bound.
        Assert.StartsWith("/Account/SignIn", (await client.GetAsync("/Workbench")).Headers.Location!.PathAndQuery);

        var page = await client.GetDocumentAsync("/Account/TwoFactor/Enrol");
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("figure.qr img")!.GetAttribute("src"));
        var secret = Base32Encoding.ToBytes(page.QuerySelector("#manual-key")!.TextContent.Replace(" ", ""));
        var wrong = await (await client.PostFormAsync("/Account/TwoFactor/Enrol", new Dictionary<string, string>
        {
            ["EnrolmentToken"] = page.QuerySelector("input[name=EnrolmentToken]")!.GetAttribute("value")!, ["Code"] = "000000",
        })).ToDocumentAsync();
        Assert.Contains(TwoFactorHandler.WrongCode, wrong.Errors());
        var done = await (await client.PostFormAsync("/Account/TwoFactor/Enrol", new Dictionary<string, string>
        {
            ["EnrolmentToken"] = wrong.QuerySelector("input[name=EnrolmentToken]")!.GetAttribute("value")!, ["Code"] = CodeFor(secret),
        })).ToDocumentAsync();
        var codes = done.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$", c));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Workbench")).StatusCode);
        return (client, secret, codes);
    }

    private static async Task<HttpResponseMessage> SecondStepAsync(HttpClient client, string code) =>
        await client.PostFormAsync("/Account/TwoFactor", new Dictionary<string, string> { ["Code"] = code });

    [Fact]
    public async Task An_officer_binds_an_authenticator_before_anything_else_and_then_signs_in_with_its_code()
    {
        var (_, secret, _) = await EnrolAsync("km.wuhua");
        var stored = await DbAsync(db => db.Set<UserAccount>().AsNoTracking().SingleAsync(u => u.UserName == "km.wuhua"));
        Assert.NotNull(stored.TwoFactorEnabledAt);
        Assert.DoesNotContain(Base32Encoding.ToString(secret), stored.TwoFactorSecret); // encrypted at rest
        var audit = await DbAsync(db => db.Set<AuditEntry>().SingleAsync(a => a.Operation == "账户.启用两步验证" && a.EntityType == nameof(UserAccount)));
        using (var after = System.Text.Json.JsonDocument.Parse(audit.After!))
            Assert.Equal("***", after.RootElement.GetProperty("TwoFactorSecret").GetString());

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var client = app.Client();
        Assert.Equal("/Account/TwoFactor", (await client.SignInAsync("km.wuhua", DemoDirectory.Password)).Headers.Location?.OriginalString);
        Assert.Contains(TwoFactorHandler.WrongCode, (await (await SecondStepAsync(client, "123456")).ToDocumentAsync()).Errors());
        var code = CodeFor(secret);
        var ok = await SecondStepAsync(client, code);
        Assert.Equal("/Workbench", ok.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Workbench")).StatusCode);

        // The same code, seen over a shoulder, is refused in the same 30 seconds.
        var thief = app.Client();
        await thief.SignInAsync("km.wuhua", DemoDirectory.Password);
        Assert.Contains(TwoFactorHandler.WrongCode, (await (await SecondStepAsync(thief, code)).ToDocumentAsync()).Errors());
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (_, _, codes) = await EnrolAsync("lc.city");
        var client = app.Client();
        await client.SignInAsync("lc.city", DemoDirectory.Password);
        Assert.Equal("/Workbench", (await SecondStepAsync(client, codes[3].ToLowerInvariant())).Headers.Location?.OriginalString);
        var again = app.Client();
        await again.SignInAsync("lc.city", DemoDirectory.Password);
        Assert.Contains(TwoFactorHandler.WrongCode, (await (await SecondStepAsync(again, codes[3])).ToDocumentAsync()).Errors());
        Assert.True(await DbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Operation == "账户.使用恢复码")));
        var security = await client.GetDocumentAsync("/Account/Security");
        Assert.Contains("未用的恢复码还有 9 个", security.QuerySelector("#two-factor-status")!.TextContent);
    }

    [Fact]
    public async Task Wrong_codes_make_the_second_step_wait()
    {
        var (_, secret, _) = await EnrolAsync("bj.haidian");
        var client = app.Client();
        await client.SignInAsync("bj.haidian", DemoDirectory.Password);
        for (var i = 0; i < 6; i++) await SecondStepAsync(client, $"00000{i}");
        var refused = await (await SecondStepAsync(client, CodeFor(secret))).ToDocumentAsync();
        Assert.Contains(refused.Errors(), e => e.StartsWith("验证码错误次数过多"));
    }

    [Fact]
    public async Task An_administrator_resets_a_lost_authenticator_the_user_is_signed_out_and_binds_again()
    {
        var (officer, _, _) = await EnrolAsync("xz.chengguan");
        var (admin, adminSecret, _) = await EnrolAsync("admin");
        var user = await DbAsync(db => db.Set<UserAccount>().AsNoTracking().SingleAsync(u => u.UserName == "xz.chengguan"));
        var response = await admin.PostFormAsync("/Admin/Users?Q=xz.chengguan", new Dictionary<string, string>
        {
            ["id"] = user.Id.ToString(), ["version"] = user.Version.ToString(), ["action"] = "ResetTwoFactor",
        }, postUrl: "/Admin/Users?handler=State");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", (await officer.GetAsync("/Workbench")).Headers.Location!.PathAndQuery);
        Assert.True(await DbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Operation == "账户.重置两步验证" && a.EntityId == user.Id.ToString() && a.ActorName != "匿名")));
        Assert.Equal(0, await DbAsync(db => db.Set<RecoveryCode>().CountAsync(r => r.UserId == user.Id)));
        Assert.Equal("/Account/TwoFactor/Enrol", (await app.Client().SignInAsync("xz.chengguan", DemoDirectory.Password)).Headers.Location?.OriginalString);
        _ = adminSecret;
    }

    [Fact]
    public async Task Applicants_need_no_second_factor()
    {
        var client = app.Client();
        Assert.Equal("/Workbench", (await client.SignInAsync("lc.applicant", DemoDirectory.Password)).Headers.Location?.OriginalString);
        Assert.Contains("尚未启用", (await client.GetDocumentAsync("/Account/Security")).QuerySelector("#two-factor-status")!.TextContent);
    }
}
