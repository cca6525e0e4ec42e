using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Policies;

public static class PolicyServices
{
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
        return services;
    }
}
