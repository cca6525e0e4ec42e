using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>
/// Reads the first worksheet of a checked XLSX (see <see cref="XlsxPackageGuard"/>) row by row with the SAX
/// <see cref="OpenXmlReader"/>: only one row is materialised at a time. Cells come back as the text a person
/// sees: shared and inline strings, numbers in invariant form, TRUE/FALSE, and numbers formatted as dates as
/// yyyy-MM-dd. A formula is never evaluated: its cached value is taken as text and the cell is reported in
/// <see cref="FormulaColumns"/>.
/// </summary>
public sealed class XlsxRows : IDisposable
{
    private readonly SpreadsheetDocument _doc;
    private readonly OpenXmlReader _reader;
    private readonly List<string> _shared = [];
    private readonly HashSet<uint> _dateStyles = [];
    private readonly List<int> _formulaColumns = [];
    private long _nextRow = 1;
    private Row? _pending;

    /// <summary>Spreadsheet row number of the row last read.</summary>
    public long Row { get; private set; }
    public IReadOnlyList<int> FormulaColumns => _formulaColumns;

    private XlsxRows(SpreadsheetDocument doc, WorksheetPart sheet)
    {
        _doc = doc;
        if (doc.WorkbookPart!.SharedStringTablePart is { } sst)
        {
            using var r = OpenXmlReader.Create(sst);
            while (r.Read())
                if (r.ElementType == typeof(SharedStringItem) && r.IsStartElement)
                    _shared.Add(TextOf(r.LoadCurrentElement()!));
        }
        ReadDateStyles(doc.WorkbookPart.WorkbookStylesPart?.Stylesheet);
        _reader = OpenXmlReader.Create(sheet);
    }

    public static XlsxRows Open(Stream file, LedgerOptions o)
    {
        SpreadsheetDocument? doc = null;
        try
        {
            doc = SpreadsheetDocument.Open(file, false, new OpenSettings { MaxCharactersInPart = o.MaxXlsxUncompressedBytes });
            var wb = doc.WorkbookPart ?? throw new ImportRefusedException(XlsxPackageGuard.Damaged);
            var first = wb.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new ImportRefusedException("XLSX 工作簿中没有工作表，未导入任何内容。");
            if (first.Id?.Value is not { } id || wb.GetPartById(id) is not WorksheetPart sheet)
                throw new ImportRefusedException("XLSX 工作簿的第一个工作表不是普通工作表（例如图表页），未导入任何内容。请把数据放在第一个工作表。");
            return new XlsxRows(doc, sheet);
        }
        catch (Exception ex) when (ex is not ImportRefusedException)
        {
            doc?.Dispose();
            throw new ImportRefusedException(XlsxPackageGuard.Damaged);
        }
    }

    /// <summary>
    /// Fills <paramref name="cells"/> with the next row (rows missing from the file come back empty, so row
    /// numbers match what Excel shows); false after the last row.
    /// </summary>
    public bool TryRead(List<string> cells)
    {
        cells.Clear();
        _formulaColumns.Clear();
        if (_pending is null)
        {
            while (_reader.Read())
            {
                if (_reader.ElementType != typeof(Row) || !_reader.IsStartElement) continue;
                _pending = (Row)_reader.LoadCurrentElement()!;
                break;
            }
            if (_pending is null) return false;
        }
        var index = _pending.RowIndex?.Value is { } ri ? ri : _nextRow;
        Row = _nextRow;
        _nextRow++;
        if (index > Row) return true; // a gap: this row is empty
        var row = _pending;
        _pending = null;
        var position = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnOf(cell.CellReference?.Value) ?? position;
            if (column > 16_383) continue;
            while (cells.Count < column) cells.Add("");
            var text = Value(cell);
            if (column < cells.Count) cells[column] = text; else cells.Add(text);
            if (cell.CellFormula is not null) _formulaColumns.Add(column);
            position = column + 1;
        }
        return true;
    }

    private string Value(Cell cell)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _shared.Count ? _shared[i] : "";
        if (type == CellValues.InlineString) return cell.InlineString is { } s ? TextOf(s) : raw;
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if (type == CellValues.Date) return raw.Length >= 10 ? raw[..10] : raw;
        if (type == CellValues.String || type == CellValues.Error) return raw;
        if (raw.Length == 0 && cell.CellFormula is { } f) return "=" + f.Text;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        if (cell.StyleIndex?.Value is { } style && _dateStyles.Contains(style) && number is >= 1 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(number))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return number == Math.Floor(number) && Math.Abs(number) < 1e15
            ? number.ToString("0", CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Text of a shared or inline string, rich-text runs included, phonetic hints (rPh) left out.</summary>
    private static string TextOf(OpenXmlElement item) =>
        string.Concat(item.Descendants<Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text));

    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') n = n * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') n = n * 26 + (c - 'a' + 1);
            else break;
            if (n > 16_384) return 16_384;
        }
        return n == 0 ? null : n - 1;
    }

    /// <summary>Cell styles whose number format shows a date (built-in 14–22, 27–36, 45–47, 50–58, or a custom code with y/m/d).</summary>
    private void ReadDateStyles(Stylesheet? styles)
    {
        if (styles?.CellFormats is null) return;
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => IsDateCode(f.FormatCode?.Value)) ?? [];
        uint index = 0;
        foreach (var xf in styles.CellFormats.Elements<CellFormat>())
        {
            var id = xf.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58 || custom.GetValueOrDefault(id)) _dateStyles.Add(index);
            index++;
        }
    }

    private static bool IsDateCode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return false;
        var inQuote = false;
        var inBracket = false;
        foreach (var c in code)
        {
            if (c == '"') inQuote = !inQuote;
            else if (c == '[') inBracket = true;
            else if (c == ']') inBracket = false;
            else if (!inQuote && !inBracket && c is 'y' or 'Y' or 'd' or 'D' or '年' or '日') return true;
        }
        return false;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _doc.Dispose();
    }
}
