using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Exemplar.Web.Features.Documents.Building;

/// <summary>
/// Turns a <see cref="DocSpec"/> into DOCX bytes. Every relationship id, drawing id and property is fixed, and
/// the package is re-zipped by <see cref="DeterministicPackage"/>, so the same description gives the same bytes.
/// </summary>
public static class DocxRenderer
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    public static byte[] Render(DocSpec spec)
    {
        using var buffer = new MemoryStream();
        using (var package = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = package.AddNewPart<MainDocumentPart>(MainContentType, "rIdMain");
            DocxPackageParts.AddCoreProperties(package, spec.Info);
            DocxPackageParts.AddStyles(main, spec.Profile);
            DocxPackageParts.AddSettings(main, spec.Sections.Any(s => s.PageNumbers));
            DocxPackageParts.AddFontTable(main, spec.Profile);
            var footers = DocxPackageParts.AddFooters(main, spec.Profile);
            var context = new RenderContext(main, spec.Profile);
            var body = new Body();
            for (var i = 0; i < spec.Sections.Count; i++)
            {
                var section = spec.Sections[i];
                context.Orientation = section.Orientation;
                var elements = BreaksBefore(section.Blocks).SelectMany(context.Render).ToList();
                var sectPr = SectionProperties(spec.Profile, section, footers);
                // Word wants a paragraph after a table that ends the body or a section (and anchors floating tables to it).
                if (elements.LastOrDefault() is not Paragraph last)
                {
                    last = new Paragraph(new ParagraphProperties
                    {
                        SnapToGrid = new SnapToGrid { Val = false },
                        SpacingBetweenLines = new SpacingBetweenLines { Line = "20", LineRule = LineSpacingRuleValues.Exact },
                    });
                    elements.Add(last);
                }
                if (i == spec.Sections.Count - 1)
                {
                    body.Append(elements);
                    body.Append(sectPr);
                }
                else
                {
                    last.ParagraphProperties ??= new ParagraphProperties();
                    last.ParagraphProperties.SectionProperties = sectPr;
                    body.Append(elements);
                }
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return DeterministicPackage.Normalise(buffer.ToArray());
    }

    /// <summary>
    /// A page break followed by a paragraph becomes that paragraph's “page break before”: a paragraph holding only a
    /// break can leave an empty page behind in LibreOffice when it follows a table.
    /// </summary>
    private static IEnumerable<Block> BreaksBefore(IReadOnlyList<Block> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is PageBreak && i + 1 < blocks.Count && blocks[i + 1] is Para next)
            {
                yield return next with { PageBreakBefore = true };
                i++;
            }
            else yield return blocks[i];
        }
    }

    private static SectionProperties SectionProperties(DocProfile profile, DocSection section, DocxFooters footers)
    {
        var landscape = section.Orientation == PageOrientation.Landscape;
        var m = profile.For(section.Orientation);
        var sectPr = new SectionProperties();
        sectPr.Append(
            new FooterReference { Type = HeaderFooterValues.Default, Id = section.PageNumbers ? footers.Odd : footers.Blank },
            new FooterReference { Type = HeaderFooterValues.Even, Id = section.PageNumbers ? footers.Even : footers.Blank },
            new SectionType { Val = SectionMarkValues.NextPage },
            new PageSize
            {
                Width = (UInt32Value)(uint)Units.MmToTwips(landscape ? Units.A4HeightMm : Units.A4WidthMm),
                Height = (UInt32Value)(uint)Units.MmToTwips(landscape ? Units.A4WidthMm : Units.A4HeightMm),
                Orient = landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
            },
            new PageMargin
            {
                Top = Units.MmToTwips(m.Top), Bottom = Units.MmToTwips(m.Bottom),
                Left = (UInt32Value)(uint)Units.MmToTwips(m.Left), Right = (UInt32Value)(uint)Units.MmToTwips(m.Right),
                Header = (UInt32Value)(uint)Units.MmToTwips(15), Footer = (UInt32Value)(uint)Units.MmToTwips(profile.FooterMm), Gutter = 0,
            });
        if (section.PageBorder)
        {
            BorderType Edge<T>() where T : BorderType, new() => new T { Val = BorderValues.ThinThickSmallGap, Size = 24, Space = 24, Color = "C00000" };
            sectPr.Append(new PageBorders(Edge<TopBorder>(), Edge<LeftBorder>(), Edge<BottomBorder>(), Edge<RightBorder>()) { OffsetFrom = PageBorderOffsetValues.Page });
        }
        if (section.RestartNumbering) sectPr.Append(new PageNumberType { Start = 1 });
        sectPr.Append(new DocGrid { Type = DocGridValues.Lines, LinePitch = profile.LineTwips });
        return sectPr;
    }

    internal static string Twips(double v) => ((int)Math.Round(v)).ToString(CultureInfo.InvariantCulture);
}
