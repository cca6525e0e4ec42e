using System.Net;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Infrastructure.Requests;

/// <summary>
/// Behind a TLS-terminating proxy (issue 8 item 10): rate limits per real client, cookies Secure when the client used
/// HTTPS, HSTS and Permissions-Policy on every page.
/// </summary>
public sealed class BehindProxyTests(BehindProxyFactory app) : IClassFixture<BehindProxyFactory>
{
    private HttpClient From(string clientAddress, bool https = false)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        if (https) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    [Fact]
    public async Task Each_client_behind_the_proxy_has_its_own_rate_limit_bucket()
    {
        var first = From("203.0.113.10");
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync($"/Survey/guess{i}")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync("/Survey/guess5")).StatusCode);
        // Another official behind the same proxy is not throttled for the first one's requests.
        Assert.Equal(HttpStatusCode.NotFound, (await From("203.0.113.11").GetAsync("/Survey/guess0")).StatusCode);
    }

    [Fact]
    public async Task The_audit_trail_records_the_client_address_not_the_proxy()
    {
        var client = From("198.51.100.7");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("km.panlong", Exemplar.Web.Features.DemoData.DemoDirectory.Password)).StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var row = await db.Set<Exemplar.Web.Infrastructure.Auditing.AuditEntry>().Where(a => a.Operation == "账户.登录")
            .OrderByDescending(a => a.OccurredAt).FirstAsync();
        Assert.Equal("198.51.100.7", row.IpAddress);
    }

    [Fact]
    public async Task Over_https_through_the_proxy_cookies_are_secure_and_hsts_is_sent()
    {
        var client = From("203.0.113.20", https: true);
        client.DefaultRequestHeaders.Host = "exemplar.example.org";
        var page = await client.GetAsync("/Account/SignIn");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains("camera=()", page.Headers.GetValues("Permissions-Policy").Single());

        // Plain HTTP (a direct hit, not through TLS): no HSTS, cookies without Secure (the browser would drop them).
        var plain = await From("203.0.113.21").GetAsync("/Account/SignIn");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_client_that_is_not_a_known_proxy_cannot_forge_its_address()
    {
        // Forwarded headers from an address that is not a known proxy are ignored: here the "proxy" is 192.0.2.1.
        var request = new HttpRequestMessage(HttpMethod.Get, "/Survey/guess0");
        request.Headers.Add("X-Forwarded-For", "192.0.2.99");
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>>().Value;
        Assert.DoesNotContain(options.KnownProxies, p => p.Equals(IPAddress.Parse("192.0.2.1")));
        Assert.Contains(options.KnownProxies, IPAddress.IsLoopback);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().SendAsync(request)).StatusCode);
    }
}

/// <summary>Links the product sends out come from the configured public address; other Host headers are refused.</summary>
public sealed class PublicAddressTests(PublicAddressFactory app) : IClassFixture<PublicAddressFactory>
{
    [Fact]
    public async Task A_forged_host_header_is_refused()
    {
        var client = app.PublicClient();
        var forged = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn");
        forged.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn")).StatusCode);
    }

    [Fact]
    public async Task Survey_links_are_built_from_the_public_base_url()
    {
        var client = await app.PublicSignedInAsync("km.applicant");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var carrier = await db.Set<Carrier>().Where(c => c.Name == "昆明五华创新创业园").Select(c => c.Id).SingleAsync();
        var response = await client.PostFormAsync($"/Base/{carrier}/Surveys?Year=2026", new Dictionary<string, string> { ["Year"] = "2026" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = (await response.ToDocumentAsync()).QuerySelectorAll("input.survey-link").Select(i => i.GetAttribute("value")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith(PublicAddressFactory.PublicBaseUrl + "/Survey/", l));
    }

    [Fact]
    public async Task Cookies_are_always_secure_when_the_public_address_is_https()
    {
        var page = await app.PublicClient().GetAsync("/Account/SignIn");
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>On a real socket: no Server header tells the software and version.</summary>
public sealed class ServerHeaderTests(KestrelFactory app) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task Responses_carry_no_server_header()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var response = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
    }
}
