using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Exemplar.Web.Features.Documents.Building;

/// <summary>
/// Writes an <see cref="XlsxList"/>: frozen header with a filter, column widths fitted to the content (a CJK character
/// counts two), text cells neutralised against formula injection, A4 print setup fitted to the page width with the
/// header repeated, fixed ids and a re-zipped package so the same list gives the same bytes.
/// </summary>
public static class XlsxListWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static class Style
    {
        public const uint Plain = 0, Title = 1, Line = 2, Header = 3, Text = 4, Integer = 5, Decimal = 6, Date = 7, Percent = 8;
    }

    public static byte[] Write(XlsxList list)
    {
        using var buffer = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            DocxPackageParts.AddCoreProperties(doc, list.Info);
            var wb = doc.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdBook");
            var styles = wb.AddNewPart<WorkbookStylesPart>("rIdStyles");
            styles.Stylesheet = Stylesheet();
            styles.Stylesheet.Save();
            var sheetPart = wb.AddNewPart<WorksheetPart>("rIdSheet1");
            var headerRow = (uint)((list.Title is null ? 0 : 1) + list.Preamble.Count + 1);
            sheetPart.Worksheet = Worksheet(list, headerRow);
            sheetPart.Worksheet.Save();
            var name = SheetName(list.SheetName);
            wb.Workbook = new Workbook(
                new BookViews(new WorkbookView { ActiveTab = 0U }),
                new Sheets(new Sheet { Id = "rIdSheet1", SheetId = 1U, Name = name }),
                new DefinedNames(new DefinedName { Name = "_xlnm.Print_Titles", LocalSheetId = 0U, Text = $"'{name}'!${headerRow}:${headerRow}" }));
            wb.Workbook.Save();
        }
        return DeterministicPackage.Normalise(buffer.ToArray());
    }

    private static Worksheet Worksheet(XlsxList list, uint headerRow)
    {
        var columns = list.Columns.Count;
        var lastColumn = Column(columns - 1);
        var lastRow = headerRow + (uint)list.Rows.Count;
        var data = new SheetData();
        var merges = new List<string>();
        uint r = 1;
        if (list.Title is { } title)
        {
            data.Append(TextRow(r, title, Style.Title, heightPt: 30));
            merges.Add($"A{r}:{lastColumn}{r}");
            r++;
        }
        foreach (var line in list.Preamble)
        {
            data.Append(TextRow(r, line, Style.Line, heightPt: 22));
            merges.Add($"A{r}:{lastColumn}{r}");
            r++;
        }
        var header = new Row { RowIndex = r };
        for (var c = 0; c < columns; c++) header.Append(TextCell(c, r, list.Columns[c].Header, Style.Header));
        data.Append(header);
        r++;
        foreach (var values in list.Rows)
        {
            var row = new Row { RowIndex = r };
            for (var c = 0; c < columns; c++) row.Append(ValueCell(c, r, list.Columns[c].Kind, c < values.Count ? values[c] : null));
            data.Append(row);
            r++;
        }
        foreach (var line in list.Footer)
        {
            data.Append(TextRow(r, line, Style.Line, heightPt: 22));
            merges.Add($"A{r}:{lastColumn}{r}");
            r++;
        }
        var ws = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetDimension { Reference = $"A1:{lastColumn}{Math.Max(r - 1, 1)}" },
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = headerRow, TopLeftCell = $"A{headerRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{headerRow + 1}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{headerRow + 1}" } })
            { WorkbookViewId = 0U, TabSelected = true }),
            new SheetFormatProperties { DefaultRowHeight = 18, CustomHeight = true },
            Widths(list),
            data,
            new AutoFilter { Reference = $"A{headerRow}:{lastColumn}{Math.Max(lastRow, headerRow)}" });
        if (merges.Count > 0) ws.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        ws.Append(
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9U, Orientation = list.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait, FitToWidth = 1U, FitToHeight = 0U },
            new HeaderFooter(new OddFooter("&C第 &P 页，共 &N 页")));
        return ws;
    }

    /// <summary>
    /// Width of each column in character cells: the widest of the header and the values (a CJK character counts two),
    /// plus padding, between 6 and the column's maximum.
    /// </summary>
    internal static Columns Widths(XlsxList list)
    {
        var cols = new Columns();
        for (var c = 0; c < list.Columns.Count; c++)
        {
            var column = list.Columns[c];
            var widest = SheetText.DisplayWidth(column.Header);
            foreach (var row in list.Rows)
                if (c < row.Count) widest = Math.Max(widest, SheetText.DisplayWidth(Display(column.Kind, row[c])));
            var width = Math.Clamp(widest + 3, 6, column.MaxWidth);
            cols.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = width, CustomWidth = true });
        }
        return cols;
    }

    /// <summary>The text a value shows as, for measuring widths.</summary>
    private static string Display(ListCellKind kind, object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
        decimal m when kind == ListCellKind.Percent => m.ToString("0.00", CultureInfo.InvariantCulture) + "%",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static Row TextRow(uint r, string text, uint style, double heightPt) =>
        new(TextCell(0, r, text, style)) { RowIndex = r, Height = heightPt, CustomHeight = true };

    private static Cell TextCell(int c, uint r, string text, uint style)
    {
        var cell = new Cell { CellReference = Column(c) + r.ToString(CultureInfo.InvariantCulture), StyleIndex = style };
        var value = SheetText.ForCell(text);
        if (value.Length == 0) return cell;
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve });
        return cell;
    }

    private static Cell ValueCell(int c, uint r, ListCellKind kind, object? value)
    {
        var reference = Column(c) + r.ToString(CultureInfo.InvariantCulture);
        switch (value)
        {
            case null:
                return new Cell { CellReference = reference, StyleIndex = kind == ListCellKind.Text ? Style.Text : Style.Integer };
            case DateOnly d:
                return new Cell { CellReference = reference, StyleIndex = Style.Date, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) };
            case int or long or decimal or double when kind != ListCellKind.Text:
                var style = kind switch { ListCellKind.Decimal => Style.Decimal, ListCellKind.Percent => Style.Percent, _ => Style.Integer };
                var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                if (kind == ListCellKind.Percent) number /= 100m;
                return new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) };
            default:
                return TextCell(c, r, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", Style.Text);
        }
    }

    internal static string Column(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    /// <summary>A worksheet name: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim('\'');
        if (clean.Length == 0) clean = "列表";
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static Stylesheet Stylesheet()
    {
        static Font F(double size, bool bold) => bold
            ? new Font(new Bold(), new FontSize { Val = size }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 })
            : new Font(new FontSize { Val = size }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 });
        static Border Thin()
        {
            static T Edge<T>() where T : BorderPropertiesType, new() => new() { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64U } };
            return new Border(Edge<LeftBorder>(), Edge<RightBorder>(), Edge<TopBorder>(), Edge<BottomBorder>(), new DiagonalBorder());
        }
        static CellFormat Xf(uint font, uint border, uint fill, uint numFmt, HorizontalAlignmentValues h, bool wrap) => new(
            new Alignment { Horizontal = h, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
        {
            NumberFormatId = numFmt, FontId = font, FillId = fill, BorderId = border, FormatId = 0U,
            ApplyFont = true, ApplyBorder = border != 0, ApplyFill = fill != 0, ApplyAlignment = true, ApplyNumberFormat = numFmt != 0,
        };
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164U, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" },
                new NumberingFormat { NumberFormatId = 165U, FormatCode = "0.00%" }) { Count = 2U },
            new Fonts(F(11, false), F(16, true), F(11, false), F(11, true)) { Count = 4U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7ECF3" }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid })) { Count = 3U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin()) { Count = 2U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(
                new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
                Xf(1, 0, 0, 0, HorizontalAlignmentValues.Center, false),
                Xf(2, 0, 0, 0, HorizontalAlignmentValues.Left, false),
                Xf(3, 1, 2, 0, HorizontalAlignmentValues.Center, true),
                Xf(0, 1, 0, 0, HorizontalAlignmentValues.Left, true),
                Xf(0, 1, 0, 1, HorizontalAlignmentValues.Right, false),
                Xf(0, 1, 0, 4, HorizontalAlignmentValues.Right, false),
                Xf(0, 1, 0, 164, HorizontalAlignmentValues.Center, false),
                Xf(0, 1, 0, 165, HorizontalAlignmentValues.Right, false)) { Count = 9U },
            new CellStyles(new CellStyle { Name = "常规", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
    }
}
