using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Exemplar.Web.Features.Notices;

/// <summary>Public notice (公示) and objections (异议).</summary>
public static class NoticesSetup
{
    /// <summary>Per client address on the anonymous objection and status pages (GET and POST), default 30 a minute.</summary>
    public const string RateLimitPolicy = "objection";

    public static WebApplicationBuilder AddNotices(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<NoticeCandidates>();
        s.AddScoped<PublishNoticeHandler>();
        s.AddScoped<FileObjectionHandler>();
        s.AddScoped<ObjectionLoader>();
        s.AddScoped<RegisterObjectionHandler>();
        s.AddScoped<StateCaseHandler>();
        s.AddScoped<ConcludeObjectionHandler>();
        s.AddScoped<ExtendNoticeHandler>();
        s.AddScoped<NoticeDocument>();
        var perMinute = builder.Configuration.GetValue("Exemplar:RateLimits:ObjectionPerMinute", 30);
        s.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimitPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
            ctx.Connection.RemoteIpAddress?.ToString() ?? "?",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })));
        return builder;
    }
}
