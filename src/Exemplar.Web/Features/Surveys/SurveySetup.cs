using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Exemplar.Web.Features.Surveys;

/// <summary>Satisfaction survey links (operator), anonymous answers, and the authority's reproducible sample.</summary>
public static class SurveySetup
{
    /// <summary>Per client address on the anonymous survey pages (GET and POST), default 30 a minute.</summary>
    public const string RateLimitPolicy = "survey";

    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<IssueSurveyLinksHandler>();
        s.AddScoped<AnswerSurveyHandler>();
        s.AddScoped<SurveyQuery>();
        s.AddScoped<DrawSampleHandler>();
        s.AddScoped<RecordSampleAnswersHandler>();
        s.AddSingleton(Carriers.CarrierChildRoute.Of<SurveySample>("sampleId"));
        s.AddScoped<Infrastructure.Data.IStartupSeeder, SurveyDemoSeeder>();
        var perMinute = builder.Configuration.GetValue("Exemplar:RateLimits:SurveyPerMinute", 30);
        s.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimitPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
            ctx.Connection.RemoteIpAddress?.ToString() ?? "?",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })));
        return builder;
    }
}
