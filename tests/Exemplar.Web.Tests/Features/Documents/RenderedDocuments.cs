using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Exemplar.Web.Features.Documents.Building;
using Exemplar.Web.Features.Documents.Certificates;
using Exemplar.Web.Features.Documents.Kunming;
using Exemplar.Web.Features.Documents.Liaocheng;
using Exemplar.Web.Features.Documents.Official;
using Exemplar.Web.Features.Documents.Tibet;
using Exemplar.Web.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Exemplar.Web.Tests.Features.Documents;

public sealed record PdfWord(string Text, double XMin, double YMin, double XMax, double YMax);

public sealed record PdfPage(int Number, double Width, double Height, IReadOnlyList<PdfWord> Words)
{
    public bool Landscape => Width > Height;
    public string Text => string.Concat(Words.Select(w => w.Text));
}

/// <summary>
/// Generates every document from the fixtures once, renders them all with one LibreOffice start
/// (<c>scripts/render-documents.sh</c>), keeps the page PNGs under artifacts/screenshots/documents and reads each
/// PDF's pages back (size and word positions, via poppler's pdftotext -bbox).
/// </summary>
public sealed class RenderedDocuments : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("exemplar-documents-").FullName;
    public string Screenshots { get; } = Path.Combine(TestDatabase.RepositoryRoot(), "artifacts", "screenshots", "documents");
    public IReadOnlyDictionary<string, IReadOnlyList<PdfPage>> Pdfs { get; }

    /// <summary>A control for the checks themselves: a table stretched to 1.4 times the text width, which must be caught.</summary>
    public IReadOnlyList<PdfPage> OverwideControl { get; }

    private const string Control = "control-overwide-table";

    private static byte[] OverwideTable()
    {
        var spec = new DocBuilder(DocProfile.Form, new DocInfo("对照", new DateOnly(2026, 1, 1)))
            .Table(new TableBuilder(1, 1, 1).Header("甲", "乙", "丙").Row("一", "二", "三右端文字").Build())
            .Build();
        using var stream = new MemoryStream();
        stream.Write(DocxRenderer.Render(spec));
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            foreach (var w in doc.MainDocumentPart!.Document!.Descendants<W.GridColumn>()) w.Width = (int.Parse(w.Width!.Value!, CultureInfo.InvariantCulture) * 14 / 10).ToString(CultureInfo.InvariantCulture);
            foreach (var w in doc.MainDocumentPart.Document.Descendants<W.TableCellWidth>()) w.Width = (int.Parse(w.Width!.Value!, CultureInfo.InvariantCulture) * 14 / 10).ToString(CultureInfo.InvariantCulture);
            foreach (var w in doc.MainDocumentPart.Document.Descendants<W.TableWidth>()) w.Width = (int.Parse(w.Width!.Value!, CultureInfo.InvariantCulture) * 14 / 10).ToString(CultureInfo.InvariantCulture);
        }
        return stream.ToArray();
    }

    /// <summary>File name (without extension) → bytes of each generated document.</summary>
    public static IReadOnlyDictionary<string, (string Extension, byte[] Bytes)> Generate() => new Dictionary<string, (string, byte[])>
    {
        ["kunming-application-report"] = ("docx", KunmingApplicationReport.Render(DocumentFixtures.Kunming())),
        ["kunming-recommendation-summary"] = ("docx", KunmingRecommendationSummary.RenderDocx(DocumentFixtures.Summary())),
        ["kunming-recommendation-list"] = ("xlsx", KunmingRecommendationSummary.RenderXlsx(DocumentFixtures.Summary())),
        ["tibet-application-report"] = ("docx", TibetApplicationReport.Render(DocumentFixtures.Kunming(), "拉萨市工业和信息化局")),
        ["tibet-recommendation-form"] = ("docx", TibetRecommendationForm.Render(DocumentFixtures.TibetRecommendation())),
        ["liaocheng-application-form"] = ("docx", LiaochengApplicationForm.Render(DocumentFixtures.Kunming(), new HashSet<int> { 0, 1, 2, 3, 4 })),
        ["public-notice"] = ("docx", OfficialDocument.Render(DocumentFixtures.PublicNotice())),
        ["designation-announcement"] = ("docx", OfficialDocument.Render(DocumentFixtures.Announcement())),
        ["revocation-decision"] = ("docx", OfficialDocument.Render(DocumentFixtures.Revocation())),
        ["certificate"] = ("docx", Certificate.Render(DocumentFixtures.Certificate())),
    };

    public RenderedDocuments()
    {
        foreach (var (name, (ext, bytes)) in Generate()) File.WriteAllBytes(Path.Combine(Folder, $"{name}.{ext}"), bytes);
        File.WriteAllBytes(Path.Combine(Folder, Control + ".docx"), OverwideTable());
        var script = Path.Combine(TestDatabase.RepositoryRoot(), "scripts", "render-documents.sh");
        var (code, output) = Run("bash", script, Folder, Screenshots);
        if (code != 0) throw new InvalidOperationException($"render-documents.sh failed ({code}):\n{output}");
        Pdfs = Generate().Keys.ToDictionary(n => n, n => Read(Path.Combine(Folder, n + ".pdf")));
        OverwideControl = Read(Path.Combine(Folder, Control + ".pdf"));
        // The files themselves, for a person to open (git-ignored like the screenshots).
        var keep = Path.Combine(TestDatabase.RepositoryRoot(), "artifacts", "documents");
        Directory.CreateDirectory(keep);
        foreach (var file in Directory.EnumerateFiles(Folder).Where(f => !f.EndsWith(".html", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(keep, Path.GetFileName(file)), overwrite: true);
    }

    public string PdfPath(string name) => Path.Combine(Folder, name + ".pdf");

    private static IReadOnlyList<PdfPage> Read(string pdf)
    {
        var html = Path.ChangeExtension(pdf, ".bbox.html");
        var (code, output) = Run("pdftotext", "-bbox", pdf, html);
        if (code != 0) throw new InvalidOperationException(output);
        var text = File.ReadAllText(html);
        var pages = new List<PdfPage>();
        foreach (Match page in Regex.Matches(text, "<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">(.*?)</page>", RegexOptions.Singleline))
        {
            var words = Regex.Matches(page.Groups[3].Value, "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">(.*?)</word>")
                .Select(w => new PdfWord(WebUtility.HtmlDecode(w.Groups[5].Value), D(w.Groups[1]), D(w.Groups[2]), D(w.Groups[3]), D(w.Groups[4])))
                .ToList();
            pages.Add(new PdfPage(pages.Count + 1, D(page.Groups[1]), D(page.Groups[2]), words));
        }
        return pages;
    }

    private static double D(Group g) => double.Parse(g.Value, CultureInfo.InvariantCulture);

    /// <summary>Runs a tool; <c>Output</c> is its standard output followed by its standard error.</summary>
    public static (int Code, string Output) Run(string file, params string[] args)
    {
        var (code, stdout, stderr) = RunSplit(file, args);
        return (code, stdout + stderr);
    }

    public static (int Code, string Stdout, string Stderr) RunSplit(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(4))) { p.Kill(true); return (-1, "", "timed out"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }
}
