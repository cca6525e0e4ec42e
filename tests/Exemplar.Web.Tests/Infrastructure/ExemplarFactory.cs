using Exemplar.Web.Features.DemoData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Exemplar.Web.Tests.Infrastructure;

/// <summary>
/// The real app in-process on its own PostgreSQL database (a template copy with the demo directory).
/// Use as an xunit class fixture: one database per test class.
/// </summary>
public class ExemplarFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    /// <summary>The app's clock: 2026-11-21 10:00 in Beijing until a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero));
    /// <summary>The app's error log entries with their exceptions, so that a test meeting a 500 can say why.</summary>
    public ServerErrorLog ServerErrors { get; } = new();

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync(GetType().Name, BuildTemplateAsync);
    }

    /// <summary>Starts the app once against the empty template so it migrates and seeds it.</summary>
    private static async Task BuildTemplateAsync(string connectionString)
    {
        await using var seeding = new SeedingFactory(connectionString);
        using var _ = seeding.CreateClient();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Exemplar:SeedDemoData", "true");
        builder.UseSetting("Exemplar:RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("Exemplar:RateLimits:ApiPerMinute", "100000");
        builder.UseSetting("Exemplar:RateLimits:SelfCheckPerMinute", "100000");
        // Demo officers are not enrolled; the two-factor tests switch enforcement on in their own factory.
        builder.UseSetting("Exemplar:TwoFactor:Enforce", "false");
        builder.ConfigureLogging(logging => logging.AddProvider(ServerErrors));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as a demo account (see <see cref="DemoDirectory"/>).</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string? password = null)
    {
        var client = Client();
        var response = await client.SignInAsync(userName, password ?? DemoDirectory.Password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }

    private sealed class SeedingFactory(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Exemplar:SeedDemoData", "true");
        }
    }
}
