using System.Text;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>
/// Template downloads: CSV (UTF-8 with BOM, header row only) and XLSX (header row, drop-down lists for the
/// fixed choices, and a second sheet 填写说明 that explains every column). Only the carrier's operator imports.
/// </summary>
public sealed class ImportTemplateModel : CarrierPageModel
{
    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Format { get; set; } = "";

    public IActionResult OnGet()
    {
        if (!Access.CanWrite) return Forbid();
        if (ImportLayout.For(Kind) is not { } layout || Format is not ("csv" or "xlsx")) return NotFound();
        var header = layout.Columns.Select(c => c.Header).ToList();
        var name = $"{layout.Title}导入模板.{Format}";
        if (Format == "csv")
        {
            var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(ImportCsvWriter.Row(header))).ToArray();
            return File(bytes, CsvWriter.ContentType, name);
        }
        var help = layout.Columns.Select(c => new object?[] { c.MatchName, c.Required ? "是" : "否", c.Hint }).ToAsyncEnumerable();
        XlsxSheet[] sheets =
        [
            new(layout.Title, header, AsyncEnumerable.Empty<object?[]>(), Choices(layout)),
            new("填写说明", ["列名", "必填", "填写说明"], help),
        ];
        return new StreamedFileResult(XlsxWriter.ContentType, name, (s, ct) => XlsxWriter.WriteAsync(s, sheets, ct));
    }

    public IActionResult OnPost() => NotFound();

    private static List<XlsxChoice> Choices(ImportLayout layout)
    {
        var choices = new List<XlsxChoice>();
        void Add(string key, IEnumerable<string> values)
        {
            var index = layout.Columns.ToList().FindIndex(c => c.Key == key);
            if (index >= 0) choices.Add(new XlsxChoice(index, values.ToList()));
        }
        Add("function", ServiceFunctions.All.Select(ServiceFunctions.Label));
        Add("form", Enum.GetValues<ServiceForm>().Select(LedgerLabels.Of));
        Add("fee", Enum.GetValues<FeeClass>().Select(LedgerLabels.Of));
        Add("leading", ["是", "否"]);
        Add("size", Enum.GetValues<SizeClass>().Select(LedgerLabels.Of));
        return choices;
    }
}
