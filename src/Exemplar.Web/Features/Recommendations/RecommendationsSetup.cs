namespace Exemplar.Web.Features.Recommendations;

/// <summary>Recommendation (推荐 / 初审) by the local authorities the policy names.</summary>
public static class RecommendationsSetup
{
    public static WebApplicationBuilder AddRecommendations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RecommendationLoader>();
        builder.Services.AddScoped<RecommendationHandlers>();
        builder.Services.AddScoped<RecommendationListQuery>();
        builder.Services.AddScoped<RecommendationSummary>();
        builder.Services.AddScoped<RecommendationForm>();
        return builder;
    }
}
