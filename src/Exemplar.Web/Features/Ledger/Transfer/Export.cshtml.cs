using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>
/// Exports a list of the carrier (resident enterprises, staff, partner agencies, ledger entries — with the
/// list page's filters) as XLSX or CSV, streamed. Anyone who may read the carrier may export what they can read.
/// </summary>
public sealed class ExportModel(ExportLists lists, TimeProvider clock, Infrastructure.Security.PersonalDataReads reads) : CarrierPageModel
{
    [BindProperty(SupportsGet = true, Name = "list")] public string? List { get; set; }
    [BindProperty(SupportsGet = true, Name = "format")] public string? Format { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public SizeClass? Size { get; set; }
    [BindProperty(SupportsGet = true)] public ServiceFunction? Function { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (List is null && Format is null) return Page();
        var list = await lists.ForAsync(Carrier.Id, List, new ExportFilter(Q, Sort, Size, Function, From, To), ct);
        if (list is null || Format is not ("csv" or "xlsx")) return NotFound();
        var name = $"{Carrier.Name}-{list.Title}-{Infrastructure.ChinaTime.Today(clock):yyyyMMdd}.{Format}";
        // The enterprise list carries contacts' names and phones: who exported it is logged (PIPL).
        if (list.Header.Contains("联系电话"))
            await reads.LogAsync(nameof(Carrier), Carrier.Id.ToString(), $"导出{list.Title}（含联系人及电话）", Carrier.JurisdictionCode, ct);
        return Format == "csv"
            ? new StreamedFileResult(CsvWriter.ContentType, name, (s, token) => CsvWriter.WriteAsync(s, list.Header, list.Rows, token))
            : new StreamedFileResult(XlsxWriter.ContentType, name, (s, token) => XlsxWriter.WriteAsync(s, [new XlsxSheet(list.Title, list.Header, list.Rows)], token));
    }
}
