using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>
/// Deployment behind a TLS-terminating reverse proxy and the request-level guards (README "Deployment and security"):
/// forwarded headers from known proxies only (so rate limits and audit rows see the client's address and cookies get
/// <c>Secure</c> behind HTTPS), AllowedHosts narrowed to the public host, HSTS, no <c>Server</c> header, the public base
/// URL for outgoing links, and the guards and failure mapping of this folder.
/// </summary>
public static class RequestProtectionSetup
{
    public static WebApplicationBuilder AddRequestProtections(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        var config = builder.Configuration;
        var production = builder.Environment.IsProduction();
        s.AddOptions<RequestOptions>()
            .Configure(o =>
            {
                config.GetSection("Exemplar:Requests").Bind(o);
                config.GetSection("Exemplar:Proxy").Bind(o);
                o.PublicBaseUrl = config["Exemplar:PublicBaseUrl"] ?? o.PublicBaseUrl;
            })
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) ? !production : PublicUrls.TryParse(o.PublicBaseUrl, out _),
                "Exemplar:PublicBaseUrl 未配置或无效：生产环境须配置对外访问的网址（如 https://sfjd.example.gov.cn），调查问卷等对外链接以此生成。")
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Exemplar:Proxy:KnownProxies 中有无效的 IP 地址。")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Exemplar:Proxy:KnownNetworks 中有无效的网段（应为 CIDR，如 10.0.0.0/8）。")
            .Validate(o => o.AnonymousMaxBodyBytes is >= 16 * 1024 and <= 64L * 1024 * 1024 && o.RetryAfterSeconds is >= 1 and <= 600 && o.HstsDays is >= 0 and <= 730,
                "Exemplar:Requests 配置无效：AnonymousMaxBodyBytes 应在16 KB至64 MB之间，RetryAfterSeconds 应在1至600之间，HstsDays 应在0至730之间。")
            .ValidateOnStart();
        s.AddSingleton<PublicUrls>();
        s.AddScoped<IdempotencyScope>();
        s.AddOptions<IdempotencyOptions>().Bind(config.GetSection("Exemplar:Idempotency"))
            .Validate(o => o.KeepHours is >= 1 and <= 24 * 90, "Exemplar:Idempotency:KeepHours 应在1至2160之间。").ValidateOnStart();
        s.AddExceptionHandler<KnownFailureHandler>();
        s.ConfigureHttpJsonOptions(j => j.SerializerOptions.Converters.Add(new NulFreeStringConverter()));

        s.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<RequestOptions>>((f, o) =>
        {
            f.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback (a proxy on the same machine) stays trusted by default; the rest must be named.
            foreach (var p in o.Value.KnownProxies) f.KnownProxies.Add(IPAddress.Parse(p));
            foreach (var n in o.Value.KnownNetworks) f.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        });
        s.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<RequestOptions>>((h, o) =>
        {
            // AllowedHosts "*" with a configured public address: accept that host (and loopback, for local health checks) only.
            if (h.AllowedHosts.Count is 0 || h.AllowedHosts.Contains("*"))
            {
                if (!PublicUrls.TryParse(o.Value.PublicBaseUrl, out var pub)) return;
                h.AllowedHosts = [pub.Host, "localhost", "127.0.0.1", "[::1]"];
            }
        });
        s.AddOptions<CookiePolicyOptions>().Configure<IOptions<RequestOptions>>((c, o) =>
        {
            c.Secure = PublicUrls.TryParse(o.Value.PublicBaseUrl, out var pub) && pub.Scheme == "https"
                ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            c.HttpOnly = HttpOnlyPolicy.None;
        });
        s.AddOptions<HstsOptions>().Configure<IOptions<RequestOptions>>((h, o) => h.MaxAge = TimeSpan.FromDays(o.Value.HstsDays));
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        return builder;
    }

    /// <summary>First in the pipeline: the client's real address and scheme, then HSTS and cookie flags that depend on them.</summary>
    public static WebApplication UseProxySupport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment() && app.Services.GetRequiredService<IOptions<RequestOptions>>().Value.HstsDays > 0) app.UseHsts();
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>After authentication (the body limit depends on whether the visitor is signed in).</summary>
    public static WebApplication UseRequestGuards(this WebApplication app)
    {
        app.UseMiddleware<RequestGuardMiddleware>();
        return app;
    }
}
