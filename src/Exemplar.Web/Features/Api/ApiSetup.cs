using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.Api;

public static class ApiSetup
{
    /// <summary>The /api/v1 group: JSON only, ProblemDetails for every error, rate-limited.</summary>
    public static RouteGroupBuilder MapApiV1(this WebApplication app) =>
        app.MapGroup("/api/v1")
            .RequireRateLimiting(SecuritySetup.ApiRateLimit)
            .DisableAntiforgery()
            .AddEndpointFilter<Infrastructure.Requests.IdempotencyEndpointFilter>()
            .WithTags("v1");
}
