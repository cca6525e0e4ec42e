using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Exemplar.Web.Tests.Features.Surveys;

/// <summary>
/// The app with the anonymous survey rate limit lifted: all requests of a test class share one client address, so the
/// default 30 a minute would throttle the tests themselves (the limit itself is tested in <see cref="SurveyRateLimitTests"/>).
/// </summary>
public sealed class SurveyFactory : ExemplarFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Exemplar:RateLimits:SurveyPerMinute", "100000");
    }
}
