using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Exemplar.Web.Features.Documents.Building;

/// <summary>
/// Renders a <see cref="Table"/> as a fixed-layout table exactly as wide as the text area: column widths are
/// shares of it, header rows repeat on each page, rows do not split, and row spans become vertical merges.
/// </summary>
internal static class DocxTables
{
    private const int CellMarginTwips = 85; // 1.5 mm

    public static W.Table Render(RenderContext context, FormTable t, int textWidth)
    {
        var widths = Widths(t.ColumnShares, textWidth);
        var table = new W.Table();
        var tblPr = new TableProperties();
        if (t.AtPageBottom)
            tblPr.Append(new TablePositionProperties
            {
                VerticalAnchor = VerticalAnchorValues.Margin, HorizontalAnchor = HorizontalAnchorValues.Margin,
                TablePositionYAlignment = VerticalAlignmentValues.Bottom, TablePositionXAlignment = HorizontalAlignmentValues.Center,
            });
        tblPr.Append(
            new TableWidth { Width = textWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            Borders(t),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = CellMarginTwips, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = CellMarginTwips, Type = TableWidthValues.Dxa }),
            new TableLook { Val = "0000", FirstRow = false, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true });
        table.Append(tblPr);
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        var covered = new (int Rows, int Span)[widths.Length];
        foreach (var (row, header) in t.HeaderRows.Select(r => (r, true)).Concat(t.Rows.Select(r => (r, false))))
            table.Append(RenderRow(context, t, row, header, widths, covered));
        return table;
    }

    private static W.TableRow RenderRow(RenderContext context, FormTable t, FormRow row, bool header, int[] widths, (int Rows, int Span)[] covered)
    {
        var tr = new W.TableRow();
        var trPr = new TableRowProperties();
        if (!row.AllowSplit) trPr.Append(new CantSplit());
        if (row.MinHeightMm is { } h) trPr.Append(new TableRowHeight { Val = (UInt32Value)(uint)Units.MmToTwips(h), HeightType = HeightRuleValues.AtLeast });
        if (header) trPr.Append(new TableHeader());
        if (trPr.HasChildren) tr.Append(trPr);
        var column = 0;
        var cells = new Queue<FormCell>(row.Cells);
        while (column < widths.Length)
        {
            if (covered[column].Rows > 0)
            {
                var span = covered[column].Span;
                covered[column].Rows--;
                tr.Append(CellElement(context, t, null, widths, column, span, VerticalMergeKind.Continue));
                column += span;
                continue;
            }
            if (!cells.TryDequeue(out var cell)) break;
            var colSpan = Math.Min(cell.ColSpan, widths.Length - column);
            var merge = cell.RowSpan > 1 ? VerticalMergeKind.Restart : VerticalMergeKind.None;
            if (cell.RowSpan > 1) covered[column] = (cell.RowSpan - 1, colSpan);
            tr.Append(CellElement(context, t, cell, widths, column, colSpan, merge));
            column += colSpan;
        }
        if (cells.Count > 0) throw new InvalidOperationException($"表格行的单元格多于表格列数：{string.Join("|", row.Cells.Select(c => string.Concat(c.Lines.SelectMany(l => l).Select(r => r.Text))))}");
        while (column < widths.Length)
        {
            // A short row is padded so every row covers the grid (Word and the validator want that).
            tr.Append(CellElement(context, t, new FormCell(""), widths, column, 1, VerticalMergeKind.None));
            column++;
        }
        return tr;
    }

    private enum VerticalMergeKind { None, Restart, Continue }

    private static W.TableCell CellElement(RenderContext context, FormTable t, FormCell? cell, int[] widths, int column, int span, VerticalMergeKind merge)
    {
        var width = widths.Skip(column).Take(span).Sum();
        var tcPr = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1) tcPr.Append(new GridSpan { Val = span });
        if (merge == VerticalMergeKind.Restart) tcPr.Append(new VerticalMerge { Val = MergedCellValues.Restart });
        if (merge == VerticalMergeKind.Continue) tcPr.Append(new VerticalMerge());
        tcPr.Append(new TableCellVerticalAlignment
        {
            Val = (cell?.VAlign ?? VAlign.Center) switch { VAlign.Top => TableVerticalAlignmentValues.Top, VAlign.Bottom => TableVerticalAlignmentValues.Bottom, _ => TableVerticalAlignmentValues.Center },
        });
        var tc = new W.TableCell(tcPr);
        var style = cell?.Header == true ? ParaStyle.TableHeader : t.TextStyle;
        var lines = cell?.Lines ?? [[new Span("")]];
        if (lines.Count == 0) lines = [[new Span("")]];
        if (cell?.Image is { } image) tc.Append(context.ImageParagraph(image));
        for (var i = 0; i < lines.Count; i++)
        {
            var align = cell?.LineAligns is { } aligns && i < aligns.Count && aligns[i] is { } a ? a : cell?.Align ?? Align.Center;
            tc.Append(context.Paragraph(new Para(lines[i], style) { Align = align }));
        }
        return tc;
    }

    private static TableBorders Borders(FormTable t)
    {
        BorderValues Line(bool on) => on ? BorderValues.Single : BorderValues.Nil;
        T Edge<T>(bool on, uint size = 4) where T : BorderType, new() => new() { Val = Line(on), Size = on ? size : 0, Space = 0, Color = "000000" };
        return t.Lines switch
        {
            TableLines.All => new TableBorders(Edge<TopBorder>(true), Edge<LeftBorder>(true), Edge<BottomBorder>(true), Edge<RightBorder>(true), Edge<InsideHorizontalBorder>(true), Edge<InsideVerticalBorder>(true)),
            TableLines.Rules => new TableBorders(
                Edge<TopBorder>(true, t.ThickOuterRules ? 8u : 4u), Edge<LeftBorder>(false), Edge<BottomBorder>(true, t.ThickOuterRules ? 8u : 4u),
                Edge<RightBorder>(false), Edge<InsideHorizontalBorder>(true, 6), Edge<InsideVerticalBorder>(false)),
            _ => new TableBorders(Edge<TopBorder>(false), Edge<LeftBorder>(false), Edge<BottomBorder>(false), Edge<RightBorder>(false), Edge<InsideHorizontalBorder>(false), Edge<InsideVerticalBorder>(false)),
        };
    }

    /// <summary>Column widths in twips from shares; the last column takes the rounding, so they sum to the text width.</summary>
    internal static int[] Widths(IReadOnlyList<double> shares, int textWidth)
    {
        var total = shares.Sum();
        var widths = shares.Select(s => (int)Math.Floor(s / total * textWidth)).ToArray();
        widths[^1] += textWidth - widths.Sum();
        return widths;
    }
}
