using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Exemplar.Web.Tests.Features.Policies;

/// <summary>
/// The anonymous self-check and the eligibility API are rate-limited per client address (issue 8 item 13), here to
/// 5 posts a minute: the sixth gets 429 with the Chinese page, or Chinese ProblemDetails and Retry-After on the API.
/// Reading the page is not limited.
/// </summary>
public sealed class SelfCheckRateLimitTests(SelfCheckRateLimitTests.LowLimitFactory app) : IClassFixture<SelfCheckRateLimitTests.LowLimitFactory>
{
    public sealed class LowLimitFactory : ExemplarFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Exemplar:RateLimits:SelfCheckPerMinute", "5");
        }
    }

    private static StringContent Profile() => new("""{ "referenceDate": "2026-03-31", "facts": { "residentSmallMicroCount": 40 } }""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_sixth_post_in_a_minute_is_refused_in_chinese_with_retry_after()
    {
        var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/eligibility/evaluate", Profile())).StatusCode);
        }

        var limited = await client.PostAsync("/api/v1/eligibility/evaluate", Profile());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
        var problem = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;
        Assert.Equal("请求过于频繁", (string?)problem["title"]);
        Assert.Contains("秒后再试", (string?)problem["detail"]);

        // The page shares the budget of the address: its post is refused with the Chinese page, its reading is not.
        var page = await client.GetAsync("/Policies/SelfCheck");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = await client.PostFormAsync("/Policies/SelfCheck", new Dictionary<string, string>
        {
            ["Mode"] = "form", ["ReferenceDate"] = "2026-03-31",
        }, formSelector: "form.fact-form");
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Contains("操作过于频繁", await form.Content.ReadAsStringAsync());
    }
}
