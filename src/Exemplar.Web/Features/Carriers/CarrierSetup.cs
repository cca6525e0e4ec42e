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
        s.AddSingleton(CarrierChildRoute.Of<ResidentEnterprise>("enterpriseId"));
        s.AddSingleton(new CarrierChildRoute("itemId", async (db, carrierId, id, route, ct) =>
            Enum.TryParse<RecordKind>(route["kind"]?.ToString(), true, out var kind)
            && await DeleteRecordHandler.FindAsync(db, carrierId, kind, id, ct) is not null));
        return builder;
    }
}
