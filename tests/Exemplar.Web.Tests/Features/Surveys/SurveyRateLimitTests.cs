using System.Net;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Exemplar.Web.Tests.Features.Surveys;

/// <summary>The anonymous survey pages are rate-limited per client address (here 5 a minute).</summary>
public sealed class SurveyRateLimitTests(SurveyRateLimitTests.LowLimitFactory app) : IClassFixture<SurveyRateLimitTests.LowLimitFactory>
{
    public sealed class LowLimitFactory : ExemplarFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Exemplar:RateLimits:SurveyPerMinute", "5");
        }
    }

    [Fact]
    public async Task The_sixth_request_in_a_minute_gets_429_with_a_chinese_page()
    {
        var client = app.Client();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Survey/guess{i}")).StatusCode);
        var limited = await client.GetAsync("/Survey/guess5");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("操作过于频繁", await limited.Content.ReadAsStringAsync());
    }
}
