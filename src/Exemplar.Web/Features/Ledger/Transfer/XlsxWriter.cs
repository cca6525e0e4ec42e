using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Documents.Building;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>A drop-down list on a column of a template (rows 2 to 10 000).</summary>
public sealed record XlsxChoice(int Column, IReadOnlyList<string> Values);

/// <summary>One worksheet: a header row (bold, frozen) and rows of text (neutralised), numbers or blanks.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IAsyncEnumerable<object?[]> Rows, IReadOnlyList<XlsxChoice>? Choices = null);

/// <summary>
/// Writes XLSX with the Open XML SDK's SAX-style <see cref="OpenXmlWriter"/>: rows go straight into the
/// worksheet part as they arrive, as inline strings, so memory does not grow with the row count. The package
/// is built in a temporary file (a ZIP needs its directory written last) and then copied to the response.
/// Every text cell is neutralised against formula injection (<see cref="SheetText.ForCell"/>).
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync(Stream output, IReadOnlyList<XlsxSheet> sheets, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"exemplar-export-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var doc = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            styles.Stylesheet.Save();
            var entries = new Sheets();
            uint n = 1;
            foreach (var sheet in sheets)
            {
                var part = wb.AddNewPart<WorksheetPart>();
                await WriteSheetAsync(part, sheet, ct);
                entries.Append(new Sheet { Id = wb.GetIdOfPart(part), SheetId = n++, Name = sheet.Name });
            }
            wb.Workbook = new Workbook(entries);
            wb.Workbook.Save();
        }
        file.Position = 0;
        await file.CopyToAsync(output, ct);
    }

    private static async Task WriteSheetAsync(WorksheetPart part, XlsxSheet sheet, CancellationToken ct)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 }));
        var columns = new Columns();
        for (var i = 0; i < sheet.Header.Count; i++)
        {
            var width = Math.Clamp(SheetText.DisplayWidth(ImportLayout.NormaliseHeader(sheet.Header[i])) + 4, 10, 40);
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true });
        }
        w.WriteElement(columns);
        w.WriteStartElement(new SheetData());
        WriteRow(w, 1, sheet.Header.Cast<object?>().ToArray(), style: 1);
        uint row = 2;
        await foreach (var values in sheet.Rows.WithCancellation(ct))
            WriteRow(w, row++, values, style: 0);
        w.WriteEndElement();
        if (sheet.Choices is { Count: > 0 } choices)
        {
            var validations = new DataValidations { Count = (uint)choices.Count };
            foreach (var c in choices)
            {
                var letter = ImportIssue.ColumnLetter(c.Column);
                validations.Append(new DataValidation(new Formula1("\"" + string.Join(",", c.Values) + "\""))
                {
                    Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = false, ShowInputMessage = true,
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}10000" },
                });
            }
            w.WriteElement(validations);
        }
        w.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter w, uint row, object?[] values, uint style)
    {
        w.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", row.ToString(CultureInfo.InvariantCulture))]);
        for (var i = 0; i < values.Length; i++)
        {
            var reference = ImportIssue.ColumnLetter(i) + row.ToString(CultureInfo.InvariantCulture);
            List<OpenXmlAttribute> attributes = [new("r", "", reference)];
            if (style != 0) attributes.Add(new("s", "", style.ToString(CultureInfo.InvariantCulture)));
            switch (values[i])
            {
                case null:
                    continue;
                case int or long or decimal or double:
                    w.WriteStartElement(new Cell(), attributes);
                    w.WriteElement(new CellValue(Convert.ToString(values[i], CultureInfo.InvariantCulture)!));
                    w.WriteEndElement();
                    break;
                default:
                    var text = SheetText.ForCell(Convert.ToString(values[i], CultureInfo.InvariantCulture) ?? "");
                    if (text.Length == 0) continue;
                    attributes.Add(new("t", "", "inlineStr"));
                    w.WriteStartElement(new Cell(), attributes);
                    w.WriteStartElement(new InlineString());
                    w.WriteElement(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
            }
        }
        w.WriteEndElement();
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true }) { Count = 2 });
}
