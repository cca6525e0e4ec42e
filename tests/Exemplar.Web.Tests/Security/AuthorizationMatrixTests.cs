using System.Net;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Exemplar.Web.Tests.Security;

/// <summary>
/// Every page and endpoint × every role (× own/other jurisdiction where the route names a resource).
/// A new endpoint that is not listed in some <see cref="IMatrixRows"/> fails <see cref="Every_endpoint_is_in_the_matrix"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(ExemplarFactory app, ITestOutputHelper output) : IClassFixture<ExemplarFactory>
{
    /// <summary>The demo user who stands for each role.</summary>
    public static readonly (string? Role, string? UserName)[] Personas =
    [
        (null, null),
        ("Applicant", "km.applicant"),
        ("CountyOfficer", "km.wuhua"),
        ("PrefectureOfficer", "xz.lasa"),
        ("ZoneOfficer", "km.gaoxin"),
        ("DesignatingOfficer", "km.city"),
        ("Expert", "km.expert"),
        ("Administrator", "admin"),
    ];

    private static IReadOnlyList<MatrixRow> AllRows() => typeof(AuthorizationMatrixTests).Assembly.GetTypes()
        .Where(t => typeof(IMatrixRows).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .SelectMany(t => ((IMatrixRows)Activator.CreateInstance(t)!).Rows).ToList();

    private IReadOnlyList<string> Endpoints()
    {
        using var _ = app.CreateClient();
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is not null)
            {
                if (route.EndsWith("/Index", StringComparison.Ordinal)) continue; // same page as its folder URL
                keys.Add($"GET {route}");
                keys.Add($"POST {route}");
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var m in methods) keys.Add($"{m} {route}");
        }
        return keys.ToList();
    }

    [Fact]
    public void Every_endpoint_is_in_the_matrix()
    {
        var listed = AllRows().Select(r => r.Key).ToHashSet();
        var missing = Endpoints().Where(e => !listed.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "Endpoints missing from the authorization matrix (add them to an IMatrixRows class):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_matrix_lists_no_endpoint_that_does_not_exist()
    {
        var existing = Endpoints().ToHashSet();
        var stale = AllRows().Select(r => r.Key).Where(k => !existing.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Matrix rows without an endpoint:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Every_role_gets_exactly_the_access_the_matrix_expects()
    {
        var failures = new List<string>();
        var checks = 0;
        foreach (var (role, userName) in Personas)
        {
            var client = userName is null ? app.Client() : await app.SignedInAsync(userName);
            foreach (var row in AllRows())
            {
                var expected = row.For(role);
                var (own, other) = await UrlsAsync(row, userName ?? "km.applicant");
                var targets = expected == Access.Own ? new[] { (own, true), (other, false) } : [(own, expected == Access.Allow)];
                foreach (var (url, shouldAllow) in targets)
                {
                    checks++;
                    var errorsBefore = app.ServerErrors.Count;
                    using var response = await SendAsync(client, row.Method, url);
                    if ((int)response.StatusCode >= 500)
                    {
                        // An endpoint that crashes proves nothing about access: it is a failure for every role.
                        failures.Add($"{role ?? "anonymous"} {row.Method} {url}: server error {(int)response.StatusCode}\n{app.ServerErrors.Since(errorsBefore)}");
                        continue;
                    }
                    var denied = IsDenied(response, otherSample: expected == Access.Own && !shouldAllow);
                    if (denied == shouldAllow)
                        failures.Add($"{role ?? "anonymous"} {row.Method} {url}: expected {(shouldAllow ? "allow" : "deny")}, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }
        output.WriteLine($"{checks} role × endpoint checks");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Every endpoint, listed now or later, refuses a NUL byte in its query or its form with 400 (never a 500 from
    /// PostgreSQL's "invalid byte sequence", never a CSV export that stops mid-stream), as a role that may use it.
    /// </summary>
    [Fact]
    public async Task Every_endpoint_answers_a_nul_byte_with_400()
    {
        var failures = new List<string>();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var row in AllRows())
        {
            var (role, userName) = Personas.FirstOrDefault(p => row.For(p.Role) != Access.Deny);
            var user = userName ?? "";
            if (!clients.TryGetValue(user, out var client)) clients[user] = client = userName is null ? app.Client() : await app.SignedInAsync(userName);
            var (own, _) = await UrlsAsync(row, userName ?? "km.applicant");
            var request = new HttpRequestMessage(new HttpMethod(row.Method == "ANY" ? "GET" : row.Method), row.Method is "GET" or "ANY" ? own + (own.Contains('?') ? "&" : "?") + "q=%00" : own);
            if (row.Method is not ("GET" or "ANY")) request.Content = new FormUrlEncodedContent([new("q", "a\0b"), new("Name", "\0")]);
            var errorsBefore = app.ServerErrors.Count;
            using var response = await client.SendAsync(request);
            // 429: an anonymous rate limit (survey pages) spent by the other matrix tests refused it even earlier.
            if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests))
                failures.Add($"{role ?? "anonymous"} {row.Method} {request.RequestUri}: expected 400, got {(int)response.StatusCode}"
                    + ((int)response.StatusCode >= 500 ? "\n" + app.ServerErrors.Since(errorsBefore) : ""));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Every route that names a record below another (a carrier's enterprise, entry, sample, job …) is tried with the
    /// user's own parent and another scope's record: GET and a complete, valid POST (the own record's form as rendered)
    /// must both be refused (404/403) — never a 500, never a page showing the other record. Every post route of a
    /// scoped record (an application, a call, a carrier) is also sent the own record's valid form at another scope's record.
    /// </summary>
    [Fact]
    public async Task No_endpoint_accepts_a_record_of_another_scope_under_an_own_parent()
    {
        var failures = new List<string>();
        var checks = 0;
        foreach (var (role, userName) in Personas.Where(p => p.UserName is not null))
        {
            HttpClient? client = null;
            foreach (var row in AllRows().Where(r => r.For(role) == Access.Own))
            {
                var (own, other) = await UrlsAsync(row, userName!);
                // A nested record of another scope under an own parent; for a post, also another scope's record itself
                // (an application, a call, a carrier) sent the own record's complete form as rendered.
                var mixed = Mixed(own, other) ?? (row.Method == "POST" && own != other ? other : null);
                if (mixed is null) continue;
                client ??= await app.SignedInAsync(userName!);
                checks++;
                HttpResponseMessage response;
                if (row.Method == "POST")
                {
                    var ownPage = await client.GetAsync(own);
                    var hasForm = ownPage.IsSuccessStatusCode
                        && (await ownPage.ToDocumentAsync()).QuerySelector("main form[method=post] input[name=__RequestVerificationToken]") is not null;
                    response = hasForm
                        ? await client.SubmitAsIsAsync(own, formSelector: "main form[method=post]", postUrl: mixed)
                        : mixed.StartsWith("/api/", StringComparison.Ordinal)
                            ? await client.PostAsync(mixed, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))
                            : await client.PostAsync(mixed, new FormUrlEncodedContent([]));
                }
                else response = await client.GetAsync(mixed);
                using (response)
                {
                    if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden) && !IsDenied(response, otherSample: true))
                        failures.Add($"{role} {row.Method} {mixed}: expected 404/403, got {(int)response.StatusCode}");
                }
            }
        }
        output.WriteLine($"{checks} foreign-record checks");
        Assert.True(checks > 10, "too few routes with nested record ids were tried");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The own URL with every record id after the first taken from the other URL (null when there is none to swap).</summary>
    private static string? Mixed(string own, string other)
    {
        static string[] Parts(string url) => url.Split('?')[0].Split('/');
        var (a, b) = (Parts(own), Parts(other));
        if (a.Length != b.Length) return null;
        var guids = 0;
        var swapped = false;
        for (var i = 0; i < a.Length; i++)
        {
            if (!Guid.TryParse(a[i], out _) || !Guid.TryParse(b[i], out _)) continue;
            if (guids++ == 0) continue;
            if (a[i] != b[i]) { a[i] = b[i]; swapped = true; }
        }
        var query = own.Contains('?') ? own[own.IndexOf('?')..] : "";
        return swapped ? string.Join('/', a) + query : null;
    }

    private async Task<(string Own, string Other)> UrlsAsync(MatrixRow row, string userName)
    {
        if (row.Sample is not null) return await row.Sample(app.Services, userName);
        if (row.Route.Contains('{')) throw new InvalidOperationException($"{row.Key} has route parameters but no Sample.");
        return (row.Route, row.Route);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method == "ANY" ? "GET" : method), url);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = url.StartsWith("/api/", StringComparison.Ordinal)
                ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent([]);
        return client.SendAsync(request);
    }

    private static bool IsDenied(HttpResponseMessage response, bool otherSample)
    {
        var status = response.StatusCode;
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return true;
        if (otherSample && status == HttpStatusCode.NotFound) return true;
        if (status == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            return location.Contains("/Account/SignIn", StringComparison.Ordinal) || location.Contains("/Error/403", StringComparison.Ordinal);
        }
        return false;
    }
}
