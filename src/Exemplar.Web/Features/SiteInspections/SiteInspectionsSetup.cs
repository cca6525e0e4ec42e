namespace Exemplar.Web.Features.SiteInspections;

/// <summary>Site inspection (现场核查) after the expert review, where the call's policy has one.</summary>
public static class SiteInspectionsSetup
{
    public static WebApplicationBuilder AddSiteInspections(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SiteInspectionRules>();
        builder.Services.AddScoped<RecordSiteInspectionHandler>();
        return builder;
    }
}
