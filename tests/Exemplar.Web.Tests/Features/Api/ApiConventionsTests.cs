using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Exemplar.Web.Tests.Infrastructure;

namespace Exemplar.Web.Tests.Features.Api;

public sealed class ApiConventionsTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    [Fact]
    public async Task Anonymous_api_calls_get_401_problem_details_not_a_redirect()
    {
        var response = await app.Client().GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("需要登录", body.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_signed_in_role_without_permission_gets_403_problem_details()
    {
        var client = await app.SignedInAsync("km.wuhua");
        var response = await client.GetAsync("/api/v1/admin/audit");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(403, body.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Unknown_api_routes_get_404_problem_details_and_pages_get_the_chinese_404_page()
    {
        var api = await app.Client().GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        var page = await app.Client().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("页面不存在", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_v1_endpoints()
    {
        using var doc = JsonDocument.Parse(await app.Client().GetStringAsync("/api/v1/openapi.json"));
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/me", out _));
        Assert.True(paths.TryGetProperty("/api/v1/jurisdictions", out _));
        Assert.Contains("示范基地", doc.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Health_reports_liveness_and_database_readiness()
    {
        var client = app.Client();
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task The_officer_of_one_county_cannot_read_an_organisation_of_the_neighbouring_county()
    {
        var wuhua = await app.SignedInAsync("km.wuhua");
        var panlongOrg = (await (await app.SignedInAsync("km.applicant2")).GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("organizationId").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await wuhua.GetAsync($"/api/v1/organizations/{panlongOrg}")).StatusCode);
        var city = await app.SignedInAsync("km.city");
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/v1/organizations/{panlongOrg}")).StatusCode);
    }
}
