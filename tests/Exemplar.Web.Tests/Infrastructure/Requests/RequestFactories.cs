using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Infrastructure.Requests;

/// <summary>
/// The app as deployed behind a reverse proxy on the same machine: every connection comes from 127.0.0.1 (the test
/// server has no socket, so a startup filter sets it) and the proxy says who the client is in X-Forwarded-For.
/// </summary>
public class BehindProxyFactory : ExemplarFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Exemplar:RateLimits:SurveyPerMinute", "5");
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, LoopbackConnectionFilter>());
    }

    private sealed class LoopbackConnectionFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nextMiddleware) =>
            {
                ctx.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }
}

/// <summary>The app with its public address configured, reached under that address over HTTPS.</summary>
public class PublicAddressFactory : ExemplarFactory
{
    public const string PublicBaseUrl = "https://sfjd.example.gov.cn";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Exemplar:PublicBaseUrl", PublicBaseUrl);
    }

    public HttpClient PublicClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(PublicBaseUrl),
    });

    public async Task<HttpClient> PublicSignedInAsync(string userName)
    {
        var client = PublicClient();
        var response = await client.SignInAsync(userName, Exemplar.Web.Features.DemoData.DemoDirectory.Password);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        return client;
    }
}

/// <summary>The app on a real Kestrel socket (response headers as a browser sees them).</summary>
public class KestrelFactory : ExemplarFactory
{
    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
    }
}
