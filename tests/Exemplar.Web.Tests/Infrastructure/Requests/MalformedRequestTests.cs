using System.Net;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Infrastructure.Requests;

/// <summary>
/// Requests that used to end in a logged 500 (issue 8 item 8): a NUL byte anywhere a value can come from is a 400 with a
/// Chinese page and nothing saved; a huge body from a visitor who is not signed in is a 413.
/// </summary>
public sealed class MalformedRequestTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private async Task<Guid> CarrierAsync(string name)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        return await db.Set<Carrier>().Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    [Theory]
    [InlineData("admin", "/Admin/Users?Q=a%00b")]
    [InlineData("admin", "/Admin/Audit?q=%00")]
    [InlineData("km.applicant", "/Base?q=%00")]
    public async Task A_nul_byte_in_a_search_parameter_is_a_400_in_chinese(string user, string url)
    {
        var client = await app.SignedInAsync(user);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("请求有误", body);
    }

    /// <summary>Answers the framework writes itself (no endpoint set a title) carry a Chinese title, not its reason phrase.</summary>
    [Theory]
    [InlineData("GET", "/api/v1/no-such-resource", null, 404, "未找到")]
    [InlineData("POST", "/api/v1/applications/00000000-0000-0000-0000-000000000001/submit", "text/plain", 415, "不支持的内容类型")]
    [InlineData("DELETE", "/api/v1/calls", null, 405, "不支持该请求方法")]
    public async Task The_frameworks_own_api_answers_are_in_chinese(string method, string url, string? contentType, int status, string title)
    {
        var client = await app.SignedInAsync("km.applicant");
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (contentType is not null) request.Content = new StringContent("{}", System.Text.Encoding.UTF8, contentType);
        var response = await client.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_csv_export_filtered_with_a_nul_byte_is_refused_before_it_starts()
    {
        var carrier = await CarrierAsync("昆明五华创新创业园");
        var client = await app.SignedInAsync("km.applicant");
        var response = await client.GetAsync($"/Base/{carrier}/Export?list=ledger&format=csv&q=%00");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("text/csv", response.Content.Headers.ContentType?.ToString() ?? "");
    }

    [Fact]
    public async Task A_nul_byte_in_a_form_field_saves_nothing()
    {
        var client = await app.SignedInAsync("km.applicant");
        var response = await client.PostFormAsync("/Base/Create", new Dictionary<string, string>
        {
            ["Form.Name"] = "空字符\0基地", ["Form.Kind"] = "Base", ["Form.JurisdictionCode"] = "530102", ["Form.LeadingIndustries"] = "软件",
            ["Form.PrimaryType"] = "ProducerServices", ["Form.Area"] = "5000", ["Form.PublicServiceArea"] = "600", ["Form.EstablishedOn"] = "2020-01-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        Assert.False(await db.Set<Carrier>().AnyAsync(c => c.Name.StartsWith("空字符")));
    }

    [Fact]
    public async Task A_nul_byte_in_a_multipart_field_is_a_400()
    {
        var carrier = await CarrierAsync("昆明五华创新创业园");
        var client = await app.SignedInAsync("km.applicant");
        var page = await client.GetDocumentAsync($"/Base/{carrier}/Ledger/Edit");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("2025-05-01"), "Date" },
            { new StringContent("会议室\0"), "Place" },
            { new StringContent("Event"), "Form" },
            { new StringContent("10"), "PersonCount" },
        };
        var response = await client.PostAsync($"/Base/{carrier}/Ledger/Edit", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_nul_byte_in_a_sign_in_form_is_a_400_not_a_server_error()
    {
        var response = await app.Client().SignInAsync("km.wuhua\0", "x");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Forty_megabytes_to_an_anonymous_json_endpoint_is_a_413()
    {
        var body = new ByteArrayContent(new byte[40 * 1024 * 1024]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = await app.Client().PostAsync("/api/v1/eligibility/evaluate", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("过大", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_large_anonymous_form_post_is_a_413_too()
    {
        var content = new StringContent("UserName=a&Password=" + new string('x', 2 * 1024 * 1024), System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        var response = await app.Client().PostAsync("/Account/SignIn", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("过大", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_self_check_still_accepts_a_normal_profile()
    {
        var json = File.ReadAllText(Path.Combine(TestDatabase.RepositoryRoot(), "policies", "examples", "kunming-profile.example.json"));
        var response = await app.Client().PostAsync("/api/v1/eligibility/evaluate", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_form_with_too_many_fields_is_a_400_not_a_server_error()
    {
        var fields = string.Join("&", Enumerable.Range(0, 1500).Select(i => $"f{i}=1"));
        var response = await app.Client().PostAsync("/Account/SignIn", new StringContent(fields, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        _ = typeof(UserAccount);
    }
}
