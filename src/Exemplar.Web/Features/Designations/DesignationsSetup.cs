namespace Exemplar.Web.Features.Designations;

public static class DesignationsSetup
{
    public static WebApplicationBuilder AddDesignations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DesignationScope>();
        builder.Services.AddScoped<EnterDesignationHandler>();
        builder.Services.AddScoped<DesignationImport>();
        builder.Services.AddScoped<Infrastructure.Data.IStartupSeeder, DesignationDemoSeeder>();
        return builder;
    }
}
