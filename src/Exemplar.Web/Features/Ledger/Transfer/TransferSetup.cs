using System.Text;

namespace Exemplar.Web.Features.Ledger.Transfer;

public static class TransferSetup
{
    /// <summary>Import/export of resident enterprises and ledger entries (issue 5).</summary>
    public static WebApplicationBuilder AddLedgerTransfer(this WebApplicationBuilder builder)
    {
        // GBK/GB18030 CSV files from Chinese Excel: code pages beyond Unicode are opt-in in .NET.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        builder.Services.AddScoped<ImportHandler>();
        builder.Services.AddSingleton(Carriers.CarrierChildRoute.Of<ImportJob>("jobId"));
        builder.Services.AddScoped<ExportLists>();
        return builder;
    }
}
