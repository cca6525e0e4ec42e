namespace Exemplar.Web.Tests.Features.Documents;

/// <summary>
/// The documents as LibreOffice prints them (one LibreOffice start for the set, see <see cref="RenderedDocuments"/>):
/// A4 pages in the right orientation, page counts, no text outside the text area (so no table runs off the page),
/// GB/T 9704's 28 characters a line and 28.95 pt line pitch, page numbers, and a QR code that decodes to its payload.
/// PNGs of every page are kept under artifacts/screenshots/documents.
/// </summary>
public sealed class RenderingTests(RenderedDocuments rendered) : IClassFixture<RenderedDocuments>
{
    private const double Mm = 72 / 25.4;
    private const double Tolerance = 1.5; // points

    /// <summary>Left and right margins in millimetres of each document's pages, as its profile sets them.</summary>
    private static (double Left, double Right) Margins(string name, PdfPage page) => name switch
    {
        "certificate" => (30, 30),
        "kunming-recommendation-list" => (12.7, 12.7), // XLSX: 0.5 inch
        _ when page.Landscape => (35, 37),
        _ => (28, 26),
    };

    [Fact]
    public void Every_page_is_A4_in_the_expected_orientation()
    {
        Assert.Equal(RenderedDocuments.Generate().Keys.Order(), rendered.Pdfs.Keys.Order());
        foreach (var (name, pages) in rendered.Pdfs)
        {
            foreach (var p in pages)
            {
                var (shortSide, longSide) = (Math.Min(p.Width, p.Height), Math.Max(p.Width, p.Height));
                Assert.True(Math.Abs(shortSide - 210 * Mm) < 1 && Math.Abs(longSide - 297 * Mm) < 1, $"{name} page {p.Number}: {p.Width}×{p.Height} pt is not A4");
            }
        }
        Assert.True(rendered.Pdfs["certificate"].Single().Landscape);
        Assert.True(rendered.Pdfs["kunming-recommendation-summary"].Single().Landscape);
        Assert.True(rendered.Pdfs["kunming-recommendation-list"].Single().Landscape);
        foreach (var name in new[] { "public-notice", "designation-announcement", "revocation-decision", "tibet-application-report", "tibet-recommendation-form", "liaocheng-application-form" })
            Assert.All(rendered.Pdfs[name], p => Assert.False(p.Landscape, $"{name} page {p.Number} is landscape"));
    }

    [Fact]
    public void Kunming_report_has_an_unnumbered_cover_numbered_pages_and_four_landscape_tables()
    {
        var pages = rendered.Pdfs["kunming-application-report"];
        Assert.False(pages[0].Landscape);
        Assert.DoesNotContain("—", pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("昆明市工业和信息化局制", pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("—1—", pages[1].Text, StringComparison.Ordinal);
        Assert.Contains("—2—", pages[2].Text, StringComparison.Ordinal);
        // The fixture's four tables are short: one landscape page each, titles in the seed's order.
        var landscape = pages.Where(p => p.Landscape).ToList();
        Assert.Equal(4, landscape.Count);
        Assert.Equal(["管理和专职服务人员情况表", "入驻企业（项目）名录表", "开展服务活动情况表", "入驻小微企业服务满意度评价表"],
            landscape.Select(p => p.Words.First().Text).ToList());
        Assert.InRange(pages.Count, 12, 16);
    }

    [Fact]
    public void Page_counts_of_the_short_documents()
    {
        Assert.Single(rendered.Pdfs["certificate"]);
        Assert.Single(rendered.Pdfs["kunming-recommendation-summary"]);
        Assert.Single(rendered.Pdfs["kunming-recommendation-list"]);
        Assert.InRange(rendered.Pdfs["public-notice"].Count, 1, 2);
        Assert.InRange(rendered.Pdfs["designation-announcement"].Count, 1, 2);
        Assert.InRange(rendered.Pdfs["tibet-recommendation-form"].Count, 1, 3);
    }

    /// <summary>Words of a page outside its text area (left margin to right margin), as messages.</summary>
    private static IEnumerable<string> Outside(string name, PdfPage p)
    {
        var (left, right) = Margins(name, p);
        var min = left * Mm - Tolerance;
        var max = p.Width - right * Mm + Tolerance;
        return p.Words.Where(w => w.XMin < min || (w.XMax > max && !HangingPunctuation(w, max)))
            .Select(w => $"{name} p{p.Number}: “{w.Text}” at {w.XMin:0.0}–{w.XMax:0.0} pt, text area {min:0.0}–{max:0.0}");
    }

    [Fact]
    public void No_text_leaves_the_text_area_so_no_table_runs_off_the_page()
    {
        var outside = rendered.Pdfs.SelectMany(d => d.Value.SelectMany(p => Outside(d.Key, p))).ToList();
        Assert.True(outside.Count == 0, string.Join("\n", outside.Take(20)));
    }

    [Fact]
    public void The_check_catches_a_table_wider_than_the_text_area()
    {
        var page = Assert.Single(rendered.OverwideControl);
        Assert.Contains(Outside("control", page), m => m.Contains("三右端文字", StringComparison.Ordinal));
    }

    /// <summary>
    /// LibreOffice hangs a line-final CJK punctuation mark into the margin (Word does not, the styles forbid it); that
    /// one mark may pass the margin by at most a 3号 character — text that runs on, or any table, still fails.
    /// </summary>
    private static bool HangingPunctuation(PdfWord w, double max) =>
        w.Text.Length > 0 && "，、。；：！？）》”’".Contains(w.Text[^1]) && w.XMax - max <= 16;

    [Fact]
    public void Official_documents_set_28_characters_a_line_and_22_lines_a_page()
    {
        foreach (var name in new[] { "public-notice", "revocation-decision" })
        {
            var pages = rendered.Pdfs[name];
            // A full body line starts at the left margin (28 mm) and reaches the right one (210 − 26 mm).
            var full = pages.SelectMany(p => p.Words)
                .Where(w => Math.Abs(w.XMin - 28 * Mm) < 2 && w.XMax > (210 - 26) * Mm - 4 && w.Text.All(c => c > 0x2E80))
                .ToList();
            Assert.NotEmpty(full);
            Assert.All(full, w => Assert.Equal(28, w.Text.Length));
            // Consecutive body lines (those starting at the left margin, per page) are 225 mm / 22 = 28.95 pt apart.
            var gaps = pages.SelectMany(p =>
            {
                var tops = p.Words.Where(w => Math.Abs(w.XMin - 28 * Mm) < 2).Select(w => w.YMin).Distinct().Order().ToList();
                return tops.Zip(tops.Skip(1), (a, b) => b - a).Where(g => g < 35);
            }).ToList();
            Assert.NotEmpty(gaps);
            Assert.All(gaps, g => Assert.InRange(g, 28.7, 29.2));
        }
    }

    [Fact]
    public void Official_documents_end_with_the_record_after_the_date()
    {
        foreach (var name in new[] { "public-notice", "designation-announcement", "revocation-decision" })
        {
            var last = rendered.Pdfs[name][^1];
            var printed = last.Words.Single(w => w.Text.EndsWith("印发", StringComparison.Ordinal));
            var signed = last.Words.Where(w => w.Text.StartsWith("昆明市工业和信息化局", StringComparison.Ordinal) && w.Text.Length == 10).Single();
            Assert.True(printed.YMin > signed.YMin, $"{name}: 版记 above the 署名");
            Assert.Contains("—", last.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Certificate_qr_code_decodes_to_the_callers_payload()
    {
        var png = Path.Combine(rendered.Folder, "certificate-qr");
        var (code, output) = RenderedDocuments.Run("pdftoppm", "-r", "200", "-png", "-singlefile", rendered.PdfPath("certificate"), png);
        Assert.True(code == 0, output);
        var (zbar, decoded, errors) = RenderedDocuments.RunSplit("zbarimg", "--raw", "-q", png + ".png");
        Assert.True(zbar == 0, "zbarimg found no QR code: " + errors);
        Assert.Equal(DocumentFixtures.QrPayload, decoded.Trim());
    }

    [Fact]
    public void Screenshots_of_every_page_are_kept()
    {
        foreach (var (name, pages) in rendered.Pdfs)
        {
            var pngs = Directory.GetFiles(rendered.Screenshots, $"{name}-*.png");
            Assert.Equal(pages.Count, pngs.Length);
        }
    }
}
