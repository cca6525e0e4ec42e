using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using Exemplar.Web.Features.Documents.Building;
using W = DocumentFormat.OpenXml.Wordprocessing;
using static Exemplar.Web.Features.Documents.Building.Cells;

namespace Exemplar.Web.Tests.Features.Documents;

public sealed class DocumentBuildingTests
{
    private static DocSpec Sample() => new DocBuilder(DocProfile.Gbt9704, new DocInfo("样例", new DateOnly(2026, 11, 21)))
        .Title("关于样例的通知")
        .Heading(1, "一、总体要求")
        .Body("第一段。\n第二段。")
        .Table(new TableBuilder(1, 3, 2)
            .HeaderRow(H("序号", rows: 2), H("名称及说明", span: 2))
            .Header("名称", "说明")
            .Row("1", "甲", "=1+1")
            .Row(T("2", rows: 2), T("乙"), T("一"))
            .Row("丙", "二")
            .Build())
        .Signature("申报单位（公章）：", "日期：" + ChineseFormat.BlankDate)
        .Section(PageOrientation.Landscape)
        .Line("横向页")
        .Build();

    [Fact]
    public void Sample_document_is_valid_and_its_merged_table_keeps_the_grid()
    {
        var bytes = DocxRenderer.Render(Sample());
        OpenXmlChecks.AssertValidDocx(bytes);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var table = doc.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Single();
        var widths = table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(g => int.Parse(g.Width!.Value!, CultureInfo.InvariantCulture)).ToList();
        // 156 mm text width = 8844 twips, shares 1:3:2.
        Assert.Equal(Units.MmToTwips(156), widths.Sum());
        Assert.Equal([1474, 4422, 2948], widths);
        var rows = table.Elements<W.TableRow>().ToList();
        Assert.All(rows.Take(2), r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<W.TableHeader>()));
        // Row 2 carries the continuation of 序号 (vertical merge) and then 名称, 说明.
        var second = rows[1].Elements<W.TableCell>().ToList();
        Assert.Equal(3, second.Count);
        Assert.NotNull(second[0].TableCellProperties!.VerticalMerge);
        Assert.Null(second[0].TableCellProperties!.VerticalMerge!.Val);
        // Row 5 (丙, 二) starts with the continuation of the “2” cell above.
        var fifth = rows[4].Elements<W.TableCell>().Select(OpenXmlChecks.CellText).ToList();
        Assert.Equal(["", "丙", "二"], fifth);
    }

    [Fact]
    public void Gbt9704_page_setup_fonts_and_page_numbers()
    {
        var bytes = DocxRenderer.Render(Sample());
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = doc.MainDocumentPart!;
        var sections = main.Document!.Descendants<W.SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);
        var portrait = sections[0];
        var size = portrait.GetFirstChild<W.PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var m = portrait.GetFirstChild<W.PageMargin>()!;
        // 37 mm = 2098 twips, 35 mm = 1984, 28 mm = 1587, 26 mm = 1474.
        Assert.Equal((2098, 1984, 1587u, 1474u), (m.Top!.Value, m.Bottom!.Value, m.Left!.Value, m.Right!.Value));
        var grid = portrait.GetFirstChild<W.DocGrid>()!;
        // 225 mm / 22 lines = 10.227 mm = 579.8 twips → 579, the exact line height of body text.
        Assert.Equal(W.DocGridValues.Lines, grid.Type!.Value);
        Assert.Equal(579, grid.LinePitch!.Value);
        var landscape = sections[1].GetFirstChild<W.PageSize>()!;
        Assert.Equal(W.PageOrientationValues.Landscape, landscape.Orient!.Value);

        var styles = main.StyleDefinitionsPart!.Styles!;
        W.RunFonts Fonts(string id) => styles.Elements<W.Style>().Single(s => s.StyleId == id).StyleRunProperties!.RunFonts!;
        string Size(string id) => styles.Elements<W.Style>().Single(s => s.StyleId == id).StyleRunProperties!.FontSize!.Val!.Value!;
        Assert.Equal("方正小标宋简体", Fonts("Title").EastAsia!.Value);
        Assert.Equal("44", Size("Title"));   // 2号 = 22 pt
        Assert.Equal("仿宋_GB2312", Fonts("Body").EastAsia!.Value);
        Assert.Equal("32", Size("Body"));    // 3号 = 16 pt
        // 28 characters a line: 156 mm = 8844 twips = 442.2 pt; 442.2 / 28 = 15.793 pt; (15.793 − 16) × 20 = −4.1 → −5 twentieths.
        Assert.Equal(-5, styles.Elements<W.Style>().Single(s => s.StyleId == "Body").StyleRunProperties!.Spacing!.Val!.Value);
        var line = styles.Elements<W.Style>().Single(s => s.StyleId == "Body").StyleParagraphProperties!.SpacingBetweenLines!;
        Assert.Equal(("579", W.LineSpacingRuleValues.Exact), (line.Line!.Value!, line.LineRule!.Value));
        Assert.Equal("黑体", Fonts("Heading1").EastAsia!.Value);
        Assert.Equal("楷体_GB2312", Fonts("Heading2").EastAsia!.Value);

        Assert.NotNull(main.DocumentSettingsPart!.Settings!.GetFirstChild<W.EvenAndOddHeaders>());
        var odd = main.FooterParts.Select(f => f.Footer!).Single(f => f.InnerText.Contains('—') && f.Descendants<W.Justification>().Single().Val!.Value == W.JustificationValues.Right);
        Assert.Equal("— 1 —", odd.InnerText);
        var footerFonts = styles.Elements<W.Style>().Single(s => s.StyleId == "PageNumberFooter").StyleRunProperties!;
        Assert.Equal(("宋体", "宋体", "28"), (footerFonts.RunFonts!.EastAsia!.Value!, footerFonts.RunFonts.Ascii!.Value!, footerFonts.FontSize!.Val!.Value!));
    }

    [Fact]
    public void Same_description_gives_the_same_bytes_across_a_moved_clock()
    {
        var first = DocxRenderer.Render(Sample());
        // ZIP times have a two-second resolution: wait past it so a stamped clock would show.
        Thread.Sleep(2100);
        var second = DocxRenderer.Render(Sample());
        Assert.Equal(first, second);
        Assert.All(OpenXmlChecks.EntryTimes(first), t => Assert.Equal(new DateTime(1980, 1, 1), t.DateTime));
        using var zip = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".psmdcp", StringComparison.Ordinal));
        using var doc = WordprocessingDocument.Open(new MemoryStream(first), false);
        Assert.Equal(new DateTime(2026, 11, 21), doc.PackageProperties.Created!.Value.Date);
        Assert.Equal("示范基地与示范平台认定管理系统", doc.PackageProperties.Creator);
    }

    [Fact]
    public void Xlsx_list_freezes_the_header_fits_chinese_widths_and_neutralises_formulas()
    {
        var list = new XlsxList("推荐汇总",
            [new ListColumn("序号", ListCellKind.Integer), new ListColumn("基地名称"), new ListColumn("入驻企业（家）", ListCellKind.Integer), new ListColumn("认定日期", ListCellKind.Date)],
            [
                [1, "=HYPERLINK(\"http://x\")", 45, new DateOnly(2026, 11, 21)],
                [2, "昆明五华创新创业园示范基地", 41, null],
            ])
        { Title = "汇总表", Preamble = ["推荐单位（公章）："], Footer = ["注：测试。"], Info = new DocInfo("汇总表", new DateOnly(2026, 11, 21)) };
        var bytes = XlsxListWriter.Write(list);
        OpenXmlChecks.AssertValidXlsx(bytes);
        var cells = OpenXmlChecks.SheetCells(bytes);
        Assert.Equal("基地名称", cells["B3"]);
        Assert.Equal("'=HYPERLINK(\"http://x\")", cells["B4"]);
        Assert.Equal("45", cells["C4"]);
        Assert.Equal("46347", cells["D4"]); // 2026-11-21 as a spreadsheet serial date
        Assert.Equal("注：测试。", cells["A6"]);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var ws = doc.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        var pane = ws.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single();
        Assert.Equal((3d, "A4"), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value!));
        var widths = ws.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Select(c => c.Width!.Value).ToList();
        // 基地名称 column: 13 CJK characters = 26 cells + 3 padding; 入驻企业（家）: 7 wide characters = 14 + 3.
        Assert.Equal(29d, widths[1]);
        Assert.Equal(17d, widths[2]);
        Thread.Sleep(2100);
        Assert.Equal(bytes, XlsxListWriter.Write(list));
    }
}
