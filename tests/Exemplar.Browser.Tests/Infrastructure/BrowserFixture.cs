using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Exemplar.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel (random loopback port, its own PostgreSQL database) and Debian's chromium driven
/// by Playwright. Screenshots go to artifacts/screenshots (git-ignored). Use as an xunit class fixture.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly KestrelFactory _app = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public ExemplarFactory App => _app;
    public static string ScreenshotDirectory { get; } =
        Path.Combine(TestDatabase.RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.UseKestrel(0);
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("EXEMPLAR_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh browser context (own cookies), in Chinese, at a desktop or phone size (or <paramref name="width"/> px wide).</summary>
    public async Task<IPage> NewPageAsync(bool phone = false, int? width = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = width is { } w ? new ViewportSize { Width = w, Height = w < 640 ? 844 : 900 }
                : phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30000); // generous: CI machines have two cores and first requests compile views
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInPageAsync(string userName, bool phone = false, int? width = null)
    {
        var page = await NewPageAsync(phone, width);
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(DemoDirectory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Workbench");
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Runs axe-core on the page; fails on serious or critical violations (WCAG 2.1 A/AA rules).</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{page.Url} accessibility violations:\n" + string.Join("\n",
            bad.Select(v => $"- [{v.Impact}] {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))})")));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)_app).DisposeAsync();
    }

    private sealed class KestrelFactory : ExemplarFactory;
}
