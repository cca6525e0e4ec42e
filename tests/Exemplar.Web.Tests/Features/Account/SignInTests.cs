using System.Diagnostics;
using System.Net;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Exemplar.Web.Tests.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Account;

/// <summary>
/// Sign-in (issue 8 items 3–4): one answer and one timing for every failure; growing delays per name and address and per
/// name instead of a lock; an official on her own browser is never kept out by someone failing on her name, even from
/// the same government NAT address. The app runs behind a (simulated) proxy so each client has its address.
/// </summary>
public sealed class SignInTests(SignInTests.CountingFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SignInTests.CountingFactory>
{
    /// <summary>Behind the proxy, counting the SQL statements the app sends.</summary>
    public sealed class CountingFactory : BehindProxyFactory
    {
        public CommandCounter Commands { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.ConfigureDbContext<ExemplarDbContext>(o => o.AddInterceptors(Commands)));
        }
    }

    public sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int _count;
        public int Count => _count;
        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _count);
            return base.NonQueryExecutingAsync(command, eventData, result, ct);
        }
    }

    private const string Wrong = "用户名或密码错误。";

    private HttpClient From(string address)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private async Task<T> DbAsync<T>(Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    [Fact]
    public async Task A_demo_user_signs_in_and_lands_on_the_workbench_of_its_role()
    {
        var client = From("192.0.2.1");
        var response = await client.SignInAsync("km.wuhua", DemoDirectory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Workbench", response.Headers.Location!.OriginalString);
        var page = await client.GetDocumentAsync("/Workbench");
        Assert.Contains("县（市、区）主管部门工作台", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Unknown_names_wrong_passwords_and_disabled_accounts_get_one_and_the_same_answer()
    {
        await DbAsync(db => db.Set<UserAccount>().Where(u => u.UserName == "bj.expert").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));
        var answers = new List<string>();
        foreach (var (name, password) in new[] { ("no.such.user", "Wrong#2026pass"), ("km.gaoxin", "Wrong#2026pass"), ("bj.expert", "Wrong#2026pass") })
        {
            var page = await (await From("192.0.2.2").SignInAsync(name, password)).ToDocumentAsync();
            answers.Add(string.Join("|", page.Errors()));
        }
        Assert.All(answers, a => Assert.Equal(Wrong, a));
        // Only someone who knows the password learns that the account is disabled.
        var right = await (await From("192.0.2.2").SignInAsync("bj.expert", DemoDirectory.Password)).ToDocumentAsync();
        Assert.Contains("该账户已停用，请联系管理员。", right.Errors());
    }

    [Fact]
    public async Task A_failed_sign_in_does_the_same_work_and_takes_as_long_whether_or_not_the_name_exists()
    {
        var existing = new List<(double Ms, int Commands)>();
        var unknown = new List<(double Ms, int Commands)>();
        for (var i = 0; i < 8; i++)
        {
            foreach (var (name, results) in new[] { ("lc.city", existing), ($"nobody{i}.here", unknown) })
            {
                var client = From($"198.51.100.{i + 1}");
                var form = await client.GetDocumentAsync("/Account/SignIn");
                var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
                app.Commands.Reset();
                var watch = Stopwatch.StartNew();
                var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(
                    [new("__RequestVerificationToken", token), new("UserName", name), new("Password", "Wrong#2026pass")]));
                results.Add((watch.Elapsed.TotalMilliseconds, app.Commands.Count));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        // The same database work: the same statements, whatever the name.
        Assert.Equal(existing.Select(r => r.Commands).Distinct().Single(), unknown.Select(r => r.Commands).Distinct().Single());
        // At least the floor (400 ms) every time. Beyond that the machine is shared with other test classes, so the medians
        // are reported, not asserted: the work (same statements, same password hash) is what makes them equal.
        Assert.All(existing.Concat(unknown), r => Assert.True(r.Ms >= 390, $"{r.Ms:0} ms: answered before the floor"));
        static double Median(List<(double Ms, int Commands)> xs) => xs.Select(x => x.Ms).Order().ElementAt(xs.Count / 2);
        output.WriteLine($"median existing {Median(existing):0} ms, unknown {Median(unknown):0} ms");
    }

    [Fact]
    public async Task Failing_on_an_officials_name_delays_the_attacker_but_not_the_official_on_her_own_browser()
    {
        const string nat = "203.0.113.50"; // one bureau, one address
        var official = From(nat);
        Assert.Equal(HttpStatusCode.Redirect, (await official.SignInAsync("km.panlong", DemoDirectory.Password)).StatusCode);
        await official.PostFormAsync("/Account/SignOut", new Dictionary<string, string>());

        // A colleague (or anyone) behind the same address fails 25 times on her name.
        var attacker = From(nat);
        var answers = new List<string>();
        for (var i = 0; i < 25; i++) answers.Add(string.Join("|", (await (await attacker.SignInAsync("km.panlong", $"Guess#{i:D4}x")).ToDocumentAsync()).Errors()));
        Assert.All(answers.Take(5), a => Assert.Equal(Wrong, a));
        Assert.All(answers.Skip(6), a => Assert.StartsWith("登录尝试过于频繁", a));
        // Even the right password is refused to the attacker's browser while it waits.
        Assert.StartsWith("登录尝试过于频繁", (await (await attacker.SignInAsync("km.panlong", DemoDirectory.Password)).ToDocumentAsync()).Errors().Single());

        // The official, on the browser she signed in with before, signs in at once.
        Assert.Equal(HttpStatusCode.Redirect, (await official.SignInAsync("km.panlong", DemoDirectory.Password)).StatusCode);
        // Another official behind the same address is not affected at all.
        Assert.Equal(HttpStatusCode.Redirect, (await From(nat).SignInAsync("km.wuhua", DemoDirectory.Password)).StatusCode);

        // The delays grow: 30 s after the sixth failure on the pair, doubling, at most 15 minutes.
        var pair = await DbAsync(db => db.Set<SignInThrottleRow>().SingleAsync(r => r.Key == SignInThrottle.AddressKey("km.panlong", nat)));
        // Attempts refused while waiting are not even checked: the pair counted 6 failures, so it waits 30 s; each
        // failure after a wait doubles it.
        Assert.Equal(6, pair.Failures);
        Assert.Equal(TimeSpan.FromSeconds(30), pair.BlockedUntil - pair.LastFailureAt);
        Assert.Equal(TimeSpan.FromSeconds(30), SignInThrottle.Delay(1, new SignInOptions()));
        Assert.Equal(TimeSpan.FromSeconds(60), SignInThrottle.Delay(2, new SignInOptions()));
        Assert.Equal(TimeSpan.FromMinutes(15), SignInThrottle.Delay(10, new SignInOptions()));

        // The owner is told (the lock notice), once the account-wide delay started.
        var user = await DbAsync(db => db.Set<UserAccount>().SingleAsync(u => u.UserName == "km.panlong"));
        Assert.True(await DbAsync(db => db.Set<Notification>().AnyAsync(n => n.UserId == user.Id && n.Title == "您的账户出现多次失败登录")));

        // After the wait, that browser may try again.
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.SignInAsync("km.panlong", DemoDirectory.Password)).StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_are_audited_with_the_address_and_without_any_secret()
    {
        await From("192.0.2.77").SignInAsync("km.gaoxin", "Wrong#2026pass");
        await From("192.0.2.77").SignInAsync("not.a.user", "Wrong#2026pass");
        var rows = await DbAsync(db => db.Set<AuditEntry>().Where(a => a.Operation == "账户.登录失败" && a.IpAddress == "192.0.2.77").ToListAsync());
        Assert.Equal(2, rows.Count);
        static (string? Name, string? Reason) Read(AuditEntry r)
        {
            using var json = System.Text.Json.JsonDocument.Parse(r.After!);
            return (json.RootElement.GetProperty("UserName").GetString(), json.RootElement.GetProperty("Reason").GetString());
        }
        Assert.Contains(rows, r => Read(r) == ("km.gaoxin", "密码错误"));
        Assert.Contains(rows, r => Read(r) == ("not.a.user", "用户名不存在"));
        Assert.All(rows, r => Assert.DoesNotContain("Wrong#2026pass", r.After));
    }
}
