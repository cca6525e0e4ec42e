namespace Exemplar.Web.Features.Decisions;

/// <summary>Decision (认定决定, 集体决策), announcement (公告), designations and written outcomes.</summary>
public static class DecisionsSetup
{
    public static WebApplicationBuilder AddDecisions(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<DecisionLoader>();
        s.AddScoped<RecordDecisionHandler>();
        s.AddScoped<AnnounceHandler>();
        s.AddScoped<AnnouncementDocument>();
        return builder;
    }
}
