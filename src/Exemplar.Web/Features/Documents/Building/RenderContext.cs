using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Exemplar.Web.Features.Documents.Building;

/// <summary>Renders blocks of one document; numbers images and drawing ids in order, so ids are stable.</summary>
internal sealed class RenderContext(MainDocumentPart main, DocProfile profile)
{
    private int _images;

    public PageOrientation Orientation { get; set; }

    public IEnumerable<OpenXmlElement> Render(Block block) => block switch
    {
        Para p => [Paragraph(p)],
        PageBreak => [new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new Break { Type = BreakValues.Page }))],
        FormTable t => [TableElement(t)],
        ImageBlock i => [ImageParagraph(i)],
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name),
    };

    public Paragraph Paragraph(Para p)
    {
        var pPr = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.Id(p.Style) } };
        if (p.KeepWithNext) pPr.KeepNext = new KeepNext();
        if (p.PageBreakBefore) pPr.PageBreakBefore = new PageBreakBefore();
        if (p.TopRule is not null || p.BottomRule is not null)
        {
            var borders = new ParagraphBorders();
            if (p.TopRule is { } top) borders.Append(new TopBorder { Val = BorderValues.Single, Color = top.Color, Size = (UInt32Value)(uint)top.EighthPoints, Space = 1 });
            if (p.BottomRule is { } rule) borders.Append(new BottomBorder { Val = BorderValues.Single, Color = rule.Color, Size = (UInt32Value)(uint)rule.EighthPoints, Space = 6U });
            pPr.ParagraphBorders = borders;
        }
        if (p.RightText is not null)
        {
            var stop = profile.TextWidthTwips(Orientation) - Units.PtToTwips(p.RightChars * DocxStyles.SizeOf(profile, p.Style)) - Units.PtToTwips(p.LeftChars * DocxStyles.SizeOf(profile, p.Style));
            pPr.Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Position = stop });
        }
        var size = DocxStyles.SizeOf(profile, p.Style);
        if (p.SpaceBeforeLines != 0 || p.SpaceAfterLines != 0 || p.LineHeightPt is not null)
        {
            var spacing = new SpacingBetweenLines();
            var lineTwips = p.LineHeightPt is { } h ? Units.PtToTwips(h) : DocxStyles.LineTwipsOf(profile, p.Style);
            if (p.SpaceBeforeLines != 0) spacing.Before = DocxRenderer.Twips(p.SpaceBeforeLines * lineTwips);
            if (p.SpaceAfterLines != 0) spacing.After = DocxRenderer.Twips(p.SpaceAfterLines * lineTwips);
            if (p.LineHeightPt is { } exact) { spacing.Line = DocxRenderer.Twips(Units.PtToTwips(exact)); spacing.LineRule = LineSpacingRuleValues.Exact; }
            pPr.SpacingBetweenLines = spacing;
        }
        if (p.FirstLineChars is not null || p.LeftChars != 0 || p.RightChars != 0)
        {
            var charTwips = size * 20;
            var ind = new Indentation();
            if (p.LeftChars != 0) { ind.Left = DocxRenderer.Twips(p.LeftChars * charTwips); ind.LeftChars = (int)Math.Round(p.LeftChars * 100); }
            if (p.RightChars != 0) { ind.Right = DocxRenderer.Twips(p.RightChars * charTwips); ind.RightChars = (int)Math.Round(p.RightChars * 100); }
            if (p.FirstLineChars is { } f and >= 0) { ind.FirstLine = DocxRenderer.Twips(f * charTwips); ind.FirstLineChars = (int)Math.Round(f * 100); }
            if (p.FirstLineChars is { } hang and < 0) { ind.Hanging = DocxRenderer.Twips(-hang * charTwips); ind.HangingChars = (int)Math.Round(-hang * 100); }
            pPr.Indentation = ind;
        }
        if (p.Align is { } a) pPr.Justification = new Justification { Val = Justify(a) };
        var paragraph = new Paragraph(pPr);
        foreach (var r in p.Runs) paragraph.Append(RunElements(r));
        if (p.RightText is { } right)
        {
            var template = p.Runs.LastOrDefault() ?? new Span("");
            paragraph.Append(new DocumentFormat.OpenXml.Wordprocessing.Run(new TabChar()));
            paragraph.Append(RunElements(template with { Text = right }));
        }
        return paragraph;
    }

    public IEnumerable<OpenXmlElement> RunElements(Span r)
    {
        var lines = r.Text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new DocumentFormat.OpenXml.Wordprocessing.Run();
            var rPr = RunProperties(r);
            if (rPr.HasChildren) run.Append(rPr);
            if (i > 0) run.Append(new Break());
            run.Append(new Text(SheetText.Clean(lines[i])) { Space = SpaceProcessingModeValues.Preserve });
            yield return run;
        }
    }

    private RunProperties RunProperties(Span r)
    {
        var rPr = new RunProperties();
        if (r.Font is { } font)
        {
            var name = DocxStyles.FontOf(profile, font);
            rPr.RunFonts = DocxStyles.Fonts(profile, name);
        }
        if (r.Bold) { rPr.Bold = new Bold(); rPr.BoldComplexScript = new BoldComplexScript(); }
        if (r.Color is { } c) rPr.Color = new Color { Val = c };
        if (r.SizePt is { } pt)
        {
            rPr.FontSize = new FontSize { Val = Units.PtToHalfPoints(pt).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            rPr.FontSizeComplexScript = new FontSizeComplexScript { Val = rPr.FontSize.Val };
        }
        if (r.Underline) rPr.Underline = new Underline { Val = UnderlineValues.Single };
        return rPr;
    }

    internal static JustificationValues Justify(Align a) => a switch
    {
        Align.Left => JustificationValues.Left,
        Align.Center => JustificationValues.Center,
        Align.Right => JustificationValues.Right,
        Align.Distribute => JustificationValues.Distribute,
        _ => JustificationValues.Both,
    };

    private DocumentFormat.OpenXml.Wordprocessing.Table TableElement(FormTable t) =>
        DocxTables.Render(this, t, profile.TextWidthTwips(Orientation));

    public Paragraph ImageParagraph(ImageBlock image)
    {
        var n = ++_images;
        var id = $"rIdImage{n}";
        var part = main.AddNewPart<ImagePart>("image/png", id);
        using (var s = new MemoryStream(image.Png)) part.FeedData(s);
        var cx = Units.MmToEmu(image.WidthMm);
        var cy = Units.MmToEmu(image.HeightMm);
        var name = $"图片{n}";
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = (UInt32Value)(uint)n, Name = name, Description = image.Description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = name, Description = image.Description },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        var pPr = new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.Id(ParaStyle.TableText) },
            // Single spacing: an exact line height would clip the picture to one line.
            SpacingBetweenLines = new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
            Justification = new Justification { Val = Justify(image.Align) },
        };
        return new Paragraph(pPr, new DocumentFormat.OpenXml.Wordprocessing.Run(new Drawing(inline)));
    }
}
