namespace Exemplar.Web.Features.Carriers;

/// <summary>Carriers and the records their operators keep: resident enterprises, staff, partner agencies.</summary>
public static class CarrierSetup
{
    public static WebApplicationBuilder AddCarriers(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<SaveCarrierHandler>();
        s.AddScoped<SaveEnterpriseHandler>();
        s.AddScoped<SaveStaffHandler>();
        s.AddScoped<SavePartnerHandler>();
        s.AddScoped<DeleteRecordHandler>();
        return builder;
    }
}
