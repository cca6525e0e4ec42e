using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Exemplar.Web.Tests.Features.Documents;

/// <summary>Reading generated documents back with the Open XML SDK: validation, table cells, text.</summary>
internal static class OpenXmlChecks
{
    public static void AssertValidDocx(byte[] bytes)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        AssertNoErrors(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc));
    }

    public static void AssertValidXlsx(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        AssertNoErrors(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc));
    }

    private static void AssertNoErrors(IEnumerable<ValidationErrorInfo> errors)
    {
        var list = errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(list.Count == 0, string.Join("\n", list.Take(20)));
    }

    /// <summary>Every table of the body as rows of cell texts (paragraphs joined by a newline), merged cells as they are stored.</summary>
    public static List<List<List<string>>> Tables(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document!.Body!.Elements<W.Table>()
            .Select(t => t.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(CellText).ToList()).ToList())
            .ToList();
    }

    public static string CellText(W.TableCell c) => string.Join("\n", c.Elements<W.Paragraph>().Select(Text));

    /// <summary>A paragraph's text as printed: tabs as \t, line breaks as \n.</summary>
    public static string Text(W.Paragraph p) => string.Concat(p.Descendants().Select(e => e switch
    {
        W.Text t => t.Text,
        W.TabChar => "\t",
        W.Break { Type: null } => "\n",
        _ => "",
    }));

    /// <summary>The body's paragraphs outside tables, in order.</summary>
    public static List<string> Paragraphs(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().Select(Text).ToList();
    }

    /// <summary>The table whose rows include a cell with exactly <paramref name="text"/>.</summary>
    public static List<List<string>> TableWith(byte[] docx, string text) =>
        Tables(docx).First(t => t.Any(r => r.Any(c => c == text)));

    /// <summary>The row of a table whose first cells start with the given texts.</summary>
    public static List<string> RowStarting(List<List<string>> table, params string[] first) =>
        table.First(r => r.Count >= first.Length && first.Select((f, i) => r[i] == f).All(x => x));

    /// <summary>Cell values of an XLSX's first sheet by reference (A1 → text or number as stored).</summary>
    public static Dictionary<string, string> SheetCells(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var wb = doc.WorkbookPart!;
        var sheet = (WorksheetPart)wb.GetPartById(wb.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First().Id!);
        return sheet.Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .Where(c => c.CellReference is not null)
            .ToDictionary(c => c.CellReference!.Value!, c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "");
    }

    /// <summary>The entry times of a package's ZIP entries.</summary>
    public static IReadOnlyList<DateTimeOffset> EntryTimes(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.LastWriteTime).ToList();
    }
}
