using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Exemplar.Web.Features.Documents.Building;

/// <summary>The paragraph styles of a profile (styles.xml): ids, fonts, sizes, line heights.</summary>
internal static class DocxStyles
{
    public static string Id(ParaStyle s) => s switch
    {
        ParaStyle.Normal => "Normal",
        ParaStyle.Heading1 => "Heading1",
        ParaStyle.Heading2 => "Heading2",
        ParaStyle.Heading3 => "Heading3",
        ParaStyle.Heading4 => "Heading4",
        _ => s.ToString(),
    };

    private static string DisplayName(ParaStyle s) => s switch
    {
        ParaStyle.Normal => "Normal",
        ParaStyle.Heading1 => "heading 1",
        ParaStyle.Heading2 => "heading 2",
        ParaStyle.Heading3 => "heading 3",
        ParaStyle.Heading4 => "heading 4",
        ParaStyle.Title => "Title",
        ParaStyle.Subtitle => "Subtitle",
        ParaStyle.Body => "正文缩进",
        ParaStyle.TableText => "表格文字",
        ParaStyle.TableHeader => "表头",
        ParaStyle.Note => "注释",
        ParaStyle.Cover => "封面",
        ParaStyle.Mark => "发文机关标志",
        _ => s.ToString(),
    };

    public static double SizeOf(DocProfile p, ParaStyle s) => s switch
    {
        ParaStyle.Title => p.TitleSizePt,
        ParaStyle.TableText or ParaStyle.TableHeader => p.TableSizePt,
        ParaStyle.Note => p.NoteSizePt,
        _ => p.BodySizePt,
    };

    /// <summary>Line height in twips that “lines” of spacing refer to for a style.</summary>
    public static int LineTwipsOf(DocProfile p, ParaStyle s) => s switch
    {
        ParaStyle.TableText or ParaStyle.TableHeader or ParaStyle.Note or ParaStyle.Cover => Units.PtToTwips(SizeOf(p, s) * 1.5),
        _ => p.LineTwips,
    };

    public static string FontOf(DocProfile p, FontRole role) => role switch
    {
        FontRole.Title => p.TitleFont,
        FontRole.Heading1 => p.Heading1Font,
        FontRole.Heading2 => p.Heading2Font,
        FontRole.PageNumber => p.PageNumberFont,
        FontRole.Latin => p.LatinFont,
        _ => p.BodyFont,
    };

    /// <summary>East-Asian font <paramref name="name"/>; digits and Latin letters in the profile's Latin font, except
    /// 宋体 page numbers, which GB/T 9704 sets in 半角宋体.</summary>
    public static RunFonts Fonts(DocProfile p, string name)
    {
        var latin = name == p.PageNumberFont || name == p.LatinFont ? name : p.LatinFont;
        return new RunFonts { Ascii = latin, HighAnsi = latin, EastAsia = name, ComplexScript = latin, Hint = FontTypeHintValues.EastAsia };
    }

    private static string Half(double pt) => Units.PtToHalfPoints(pt).ToString(CultureInfo.InvariantCulture);

    public static Styles Build(DocProfile p)
    {
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(p, p.BodyFont),
                new Kern { Val = 2U },
                new FontSize { Val = Half(p.BodySizePt) },
                new FontSizeComplexScript { Val = Half(p.BodySizePt) },
                new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new WidowControl { Val = false },
                new SpacingBetweenLines { Before = "0", After = "0" })));
        var styles = new Styles(defaults);
        styles.Append(
            Style(ParaStyle.Normal, null, p, p.BodyFont, p.BodySizePt, JustificationValues.Both, exactLine: p.LineTwips, isDefault: true),
            Style(ParaStyle.Body, ParaStyle.Normal, p, p.BodyFont, p.BodySizePt, JustificationValues.Both, exactLine: p.LineTwips, firstLineChars: 2),
            Style(ParaStyle.Title, ParaStyle.Normal, p, p.TitleFont, p.TitleSizePt, JustificationValues.Center, exactLine: Math.Max(p.LineTwips, Units.PtToTwips(p.TitleSizePt * 1.3)), snap: false),
            Style(ParaStyle.Subtitle, ParaStyle.Normal, p, p.Heading2Font, p.BodySizePt, JustificationValues.Center, exactLine: p.LineTwips),
            Style(ParaStyle.Heading1, ParaStyle.Normal, p, p.Heading1Font, p.BodySizePt, JustificationValues.Both, exactLine: p.LineTwips, firstLineChars: 2, outline: 0),
            Style(ParaStyle.Heading2, ParaStyle.Normal, p, p.Heading2Font, p.BodySizePt, JustificationValues.Both, exactLine: p.LineTwips, firstLineChars: 2, outline: 1),
            Style(ParaStyle.Heading3, ParaStyle.Normal, p, p.BodyFont, p.BodySizePt, JustificationValues.Both, exactLine: p.LineTwips, firstLineChars: 2, outline: 2, bold: true),
            Style(ParaStyle.Heading4, ParaStyle.Normal, p, p.BodyFont, p.BodySizePt, JustificationValues.Both, exactLine: p.LineTwips, firstLineChars: 2, outline: 3),
            Style(ParaStyle.TableText, ParaStyle.Normal, p, p.BodyFont, p.TableSizePt, JustificationValues.Center, exactLine: LineTwipsOf(p, ParaStyle.TableText), snap: false),
            Style(ParaStyle.TableHeader, ParaStyle.TableText, p, p.Heading1Font, p.TableSizePt, JustificationValues.Center, exactLine: LineTwipsOf(p, ParaStyle.TableHeader), snap: false),
            Style(ParaStyle.Note, ParaStyle.Normal, p, p.BodyFont, p.NoteSizePt, JustificationValues.Both, exactLine: LineTwipsOf(p, ParaStyle.Note), snap: false),
            Style(ParaStyle.Cover, ParaStyle.Normal, p, p.TitleFont, p.BodySizePt, JustificationValues.Center, exactLine: null, snap: false),
            Style(ParaStyle.Mark, ParaStyle.Normal, p, p.TitleFont, p.TitleSizePt, JustificationValues.Center, exactLine: null, snap: false, color: "E60012"),
            FooterStyle(p));
        return styles;
    }

    private static Style Style(ParaStyle s, ParaStyle? basedOn, DocProfile p, string font, double size, JustificationValues jc,
        int? exactLine, double firstLineChars = 0, int? outline = null, bool bold = false, bool snap = true, bool isDefault = false, string? color = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = Id(s), Default = isDefault ? true : null };
        style.Append(new StyleName { Val = DisplayName(s) });
        if (basedOn is { } b) style.Append(new BasedOn { Val = Id(b) });
        style.Append(new PrimaryStyle());
        var pPr = new StyleParagraphProperties();
        if (outline is not null) pPr.Append(new KeepNext());
        // Word: no punctuation hanging past the right margin (LibreOffice 7.4 hangs it all the same).
        if (isDefault) pPr.Append(new OverflowPunctuation { Val = false });
        if (!snap) pPr.Append(new SnapToGrid { Val = false });
        var spacing = new SpacingBetweenLines { Before = "0", After = "0" };
        if (exactLine is { } line) { spacing.Line = line.ToString(CultureInfo.InvariantCulture); spacing.LineRule = LineSpacingRuleValues.Exact; }
        else { spacing.Line = "240"; spacing.LineRule = LineSpacingRuleValues.Auto; }
        pPr.Append(spacing);
        pPr.Append(firstLineChars > 0
            ? new Indentation { FirstLine = DocxRenderer.Twips(firstLineChars * size * 20), FirstLineChars = (int)(firstLineChars * 100), Left = "0", Right = "0" }
            : new Indentation { FirstLine = "0", Left = "0", Right = "0" });
        pPr.Append(new Justification { Val = jc });
        if (outline is { } o) pPr.Append(new OutlineLevel { Val = o });
        style.Append(pPr);
        var rPr = new StyleRunProperties(Fonts(p, font));
        if (bold) { rPr.Append(new Bold(), new BoldComplexScript()); }
        if (color is not null) rPr.Append(new Color { Val = color });
        if (CharacterSpacing(p, size) is { } condense) rPr.Append(new Spacing { Val = condense });
        rPr.Append(new FontSize { Val = Half(size) }, new FontSizeComplexScript { Val = Half(size) });
        style.Append(rPr);
        return style;
    }

    /// <summary>
    /// GB/T 9704 5.2.2: 每行28个字. 28 characters of 3号 (16 pt) are 448 pt, the 156 mm line is 442.2 pt, so body-size
    /// styles are condensed by whole twentieths of a point until 28 fit: ⌊(442.2 / 28 − 16) × 20⌋ = −5 (−0.25 pt). Character
    /// spacing renders the same in Word and LibreOffice, unlike Word's character grid (w:charSpace).
    /// </summary>
    internal static int? CharacterSpacing(DocProfile p, double size)
    {
        if (p.CharsPerLine is not { } chars || Math.Abs(size - p.BodySizePt) > 0.01) return null;
        var pitch = p.TextWidthTwips(PageOrientation.Portrait) / 20.0 / chars;
        var twentieths = (int)Math.Floor((pitch - size) * 20);
        return twentieths < 0 ? twentieths : null;
    }

    public const string FooterStyleId = "PageNumberFooter";

    private static Style FooterStyle(DocProfile p)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = FooterStyleId };
        style.Append(new StyleName { Val = "footer" }, new BasedOn { Val = "Normal" });
        style.Append(new StyleParagraphProperties(
            new SnapToGrid { Val = false },
            new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            new Indentation { FirstLine = "0", Left = "0", Right = "0" }));
        style.Append(new StyleRunProperties(Fonts(p, p.PageNumberFont), new FontSize { Val = Half(p.PageNumberSizePt) }, new FontSizeComplexScript { Val = Half(p.PageNumberSizePt) }));
        return style;
    }
}
