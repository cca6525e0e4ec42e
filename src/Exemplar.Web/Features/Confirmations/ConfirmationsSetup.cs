namespace Exemplar.Web.Features.Confirmations;

/// <summary>入驻企业确认服务: the enterprise's confirmation page behind its survey link and the per-carrier figures.</summary>
public static class ConfirmationsSetup
{
    public static WebApplicationBuilder AddConfirmations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConfirmServicesHandler>();
        builder.Services.AddScoped<ConfirmationQuery>();
        return builder;
    }
}
