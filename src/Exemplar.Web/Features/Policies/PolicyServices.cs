using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Policies;

public static class PolicyServices
{
    /// <summary>
    /// Posts to the anonymous self-check and the eligibility API, per client address (default 20 a minute,
    /// <c>Exemplar:RateLimits:SelfCheckPerMinute</c>). Reading the page is not limited.
    /// </summary>
    public const string SelfCheckRateLimit = "self-check";

    /// <summary>Policy files (validated at start-up), the catalogue, and the handlers of the policy pages and API.</summary>
    public static IServiceCollection AddPolicyLibrary(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PolicyFileOptions>().Bind(configuration.GetSection("Exemplar:Policies")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PolicyFileOptions>, PolicyFileValidation>();
        services.AddSingleton(sp => PolicyFileSet.Load(sp.GetRequiredService<IOptions<PolicyFileOptions>>().Value.ResolvedDirectory));
        services.AddSingleton<PolicyCatalogue>();
        services.AddScoped<EvaluateEligibilityHandler>();
        services.AddScoped<SetPolicyEffectiveDateHandler>();
        services.AddScoped<PreviewPolicyRevisionHandler>();
        services.AddScoped<PolicySnapshots>();
        var perMinute = configuration.GetValue("Exemplar:RateLimits:SelfCheckPerMinute", 20);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(SelfCheckRateLimit, ctx => HttpMethods.IsPost(ctx.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })
            : RateLimitPartition.GetNoLimiter("read")));
        return services;
    }
}
