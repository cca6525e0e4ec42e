using System.Net;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Account;

/// <summary>
/// Server-side sessions (issue 8 item 5): a copied cookie stops working at sign-out, password change, disabling and an
/// administrator's "sign out everywhere"; a session ends after 30 idle minutes and 8 hours in all.
/// </summary>
public sealed class SessionTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    /// <summary>A signed-in client and a copy of its cookies, as someone who copied the cookie would hold them.</summary>
    private async Task<(HttpClient Browser, HttpClient Copy)> SignedInWithCopyAsync(string userName, string? password = null)
    {
        var jar = new System.Net.CookieContainer();
        var browser = app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        var response = await browser.SignInAsync(userName, password ?? DemoDirectory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var copy = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", jar.GetCookieHeader(new Uri("http://localhost/")));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/Workbench")).StatusCode);
        return (browser, copy);
    }

    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        var response = await client.GetAsync("/Workbench");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery);
    }

    private async Task<T> DbAsync<T>(Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    [Fact]
    public async Task Sign_out_ends_the_session_for_a_copied_cookie_too()
    {
        var (browser, copy) = await SignedInWithCopyAsync("xz.lasa");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/Account/SignOut", new Dictionary<string, string>())).StatusCode);
        await AssertSignedOutAsync(copy);
        Assert.True(await DbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Operation == "账户.退出登录")));
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_others()
    {
        var (browser, _) = await SignedInWithCopyAsync("bj.expert");
        var (_, elsewhere) = await SignedInWithCopyAsync("bj.expert");
        var weak = await (await browser.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoDirectory.Password, ["NewPassword"] = "Abcdefgh12", ["ConfirmPassword"] = "Abcdefgh12",
        })).ToDocumentAsync();
        Assert.Contains(weak.Errors(), e => e.StartsWith("密码不能包含连续或键盘相邻的4个字符"));
        var ok = await browser.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoDirectory.Password, ["NewPassword"] = "NewSecret2026x", ["ConfirmPassword"] = "NewSecret2026x",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Workbench")).StatusCode);
        await AssertSignedOutAsync(elsewhere);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().SignInAsync("bj.expert", DemoDirectory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().SignInAsync("bj.expert", "NewSecret2026x")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_signs_a_user_out_everywhere_and_it_is_audited()
    {
        var (_, first) = await SignedInWithCopyAsync("lc.kaifaqu");
        var (_, second) = await SignedInWithCopyAsync("lc.kaifaqu");
        var admin = await app.SignedInAsync("admin");
        var user = await DbAsync(db => db.Set<UserAccount>().AsNoTracking().SingleAsync(u => u.UserName == "lc.kaifaqu"));
        var page = await admin.GetDocumentAsync("/Admin/Users?Q=lc.kaifaqu");
        Assert.Contains("在线会话 2 个", page.QuerySelector("tr[data-user='lc.kaifaqu'] .status")!.TextContent);
        var response = await admin.PostFormAsync("/Admin/Users?Q=lc.kaifaqu", new Dictionary<string, string>
        {
            ["id"] = user.Id.ToString(), ["version"] = user.Version.ToString(), ["action"] = "SignOutEverywhere",
        }, postUrl: "/Admin/Users?handler=State");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertSignedOutAsync(first);
        await AssertSignedOutAsync(second);
        Assert.True(await DbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Operation == "账户.强制下线" && a.EntityType == nameof(UserSession))));
        // The user may sign in again at once.
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().SignInAsync("lc.kaifaqu", DemoDirectory.Password)).StatusCode);
    }

    [Fact]
    public async Task Disabling_ends_every_session_at_once()
    {
        var (_, copy) = await SignedInWithCopyAsync("xz.region");
        var admin = await app.SignedInAsync("admin");
        var user = await DbAsync(db => db.Set<UserAccount>().AsNoTracking().SingleAsync(u => u.UserName == "xz.region"));
        await admin.PostFormAsync("/Admin/Users?Q=xz.region", new Dictionary<string, string>
        {
            ["id"] = user.Id.ToString(), ["version"] = user.Version.ToString(), ["action"] = "Disable",
        }, postUrl: "/Admin/Users?handler=State");
        await AssertSignedOutAsync(copy);
    }

    [Fact]
    public async Task A_session_ends_after_thirty_idle_minutes_and_after_eight_hours_in_all()
    {
        var (idle, _) = await SignedInWithCopyAsync("lc.dongchangfu");
        var (busy, _) = await SignedInWithCopyAsync("km.gaoxin");
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/Workbench")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await AssertSignedOutAsync(idle);                                             // 40 minutes without a request
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/Workbench")).StatusCode); // 20 minutes since its last one
        for (var hour = 0; hour < 8 * 3; hour++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            await busy.GetAsync("/Workbench");
        }
        await AssertSignedOutAsync(busy);                                             // busy all along, but over 8 hours
    }

    private async Task<(Guid Id, DateTimeOffset LastSeenAt)> NewestSessionAsync(string userName) =>
        await DbAsync(db => db.Set<UserSession>().AsNoTracking()
            .Where(x => db.Set<UserAccount>().Any(u => u.Id == x.UserId && u.UserName == userName))
            .OrderByDescending(x => x.CreatedAt).Select(x => new ValueTuple<Guid, DateTimeOffset>(x.Id, x.LastSeenAt)).FirstAsync());

    [Fact]
    public async Task A_request_does_not_wait_while_another_request_of_its_session_records_the_last_use()
    {
        var (browser, _) = await SignedInWithCopyAsync("km.wuhua");
        var (id, signedInAt) = await NewestSessionAsync("km.wuhua");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await using (var other = new Npgsql.NpgsqlConnection(app.ConnectionString))
        {
            // Another request of this session, recording its use and not yet committed.
            await other.OpenAsync();
            await using var tx = await other.BeginTransactionAsync();
            await using (var lockRow = new Npgsql.NpgsqlCommand("SELECT 1 FROM user_sessions WHERE id = $1 FOR UPDATE", other, tx))
            {
                lockRow.Parameters.AddWithValue(id);
                await lockRow.ExecuteScalarAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var response = await browser.GetAsync("/Workbench", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await tx.RollbackAsync();
        }
        Assert.Equal(signedInAt, (await NewestSessionAsync("km.wuhua")).LastSeenAt);   // left to the other request
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Workbench")).StatusCode);
        Assert.Equal(app.Clock.GetUtcNow(), (await NewestSessionAsync("km.wuhua")).LastSeenAt);
    }

    [Fact]
    public async Task Recording_the_last_use_does_not_wait_for_the_logs_flush()
    {
        var (browser, _) = await SignedInWithCopyAsync("lc.dongchangfu");
        // What the touch's own transaction has for synchronous_commit when it updates the row, seen by a trigger.
        await TestDatabase.ExecuteAsync("""
            CREATE TABLE touch_commit_modes (mode text);
            CREATE FUNCTION touch_commit_mode() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN INSERT INTO touch_commit_modes VALUES (current_setting('synchronous_commit')); RETURN NEW; END $$;
            CREATE TRIGGER touch_commit_mode AFTER UPDATE OF last_seen_at ON user_sessions FOR EACH ROW EXECUTE FUNCTION touch_commit_mode();
            """, app.ConnectionString);
        try
        {
            app.Clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Workbench")).StatusCode);
            var modes = await DbAsync(db => db.Database.SqlQueryRaw<string>("SELECT mode AS \"Value\" FROM touch_commit_modes").ToListAsync());
            Assert.Equal(["off"], modes);
        }
        finally
        {
            await TestDatabase.ExecuteAsync("DROP TRIGGER touch_commit_mode ON user_sessions; DROP FUNCTION touch_commit_mode(); DROP TABLE touch_commit_modes;", app.ConnectionString);
        }
    }
}
