using Microsoft.EntityFrameworkCore;
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
        // The progress page is polled with the form's job id before the upload has created the job: an id no carrier
        // has yet is fine ("waiting"), one of another carrier's jobs is not.
        builder.Services.AddSingleton(new Carriers.CarrierChildRoute("jobId", async (db, carrierId, id, _, ct) =>
            !await db.Set<ImportJob>().AnyAsync(j => j.Id == id && j.CarrierId != carrierId, ct)));
        builder.Services.AddScoped<ExportLists>();
        return builder;
    }
}
