namespace Exemplar.Web.Features.Ledger;

public static class LedgerSetup
{
    public static WebApplicationBuilder AddLedger(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddOptions<LedgerOptions>().Bind(builder.Configuration.GetSection("Exemplar:Ledger"));
        s.AddScoped<SaveEntryHandler>();
        s.AddSingleton(Carriers.CarrierChildRoute.Of<LedgerEntry>("entryId"));
        s.AddScoped<LedgerVolumesQuery>();
        s.AddScoped<LedgerMetricsQuery>();
        s.AddScoped<LedgerAnomaliesQuery>();
        s.AddScoped<CarrierProgramme>();
        s.AddScoped<Infrastructure.Data.IStartupSeeder, LedgerDemoSeeder>();
        return builder;
    }
}
