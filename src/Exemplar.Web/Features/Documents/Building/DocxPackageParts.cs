using System.Globalization;
using System.Security;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Exemplar.Web.Features.Documents.Building;

internal sealed record DocxFooters(string Odd, string Even, string Blank);

/// <summary>The parts around the body: properties, styles, settings, font table, page-number footers — all with fixed ids.</summary>
internal static class DocxPackageParts
{
    public const string Creator = "示范基地与示范平台认定管理系统";

    /// <summary>
    /// docProps/core.xml written by hand with the record's date: System.IO.Packaging's own property part would get a
    /// random name and the current time.
    /// </summary>
    public static void AddCoreProperties(OpenXmlPackage package, DocInfo info)
    {
        var part = package.AddNewPart<CoreFilePropertiesPart>("application/vnd.openxmlformats-package.core-properties+xml", "rIdCore");
        var when = info.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" " +
            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" " +
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" +
            $"<dc:title>{SecurityElement.Escape(SheetText.Clean(info.Title))}</dc:title>" +
            $"<dc:subject>{SecurityElement.Escape(SheetText.Clean(info.Subject))}</dc:subject>" +
            $"<dc:creator>{Creator}</dc:creator><cp:lastModifiedBy>{Creator}</cp:lastModifiedBy><cp:revision>1</cp:revision>" +
            $"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created>" +
            $"<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified>" +
            "</cp:coreProperties>";
        using var s = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        part.FeedData(s);
    }

    public static void AddStyles(MainDocumentPart main, DocProfile profile)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
        part.Styles = DocxStyles.Build(profile);
        part.Styles.Save();
    }

    public static void AddSettings(MainDocumentPart main, bool evenAndOddFooters)
    {
        var part = main.AddNewPart<DocumentSettingsPart>("rIdSettings");
        var settings = new Settings(new Zoom { Percent = "100" }, new DefaultTabStop { Val = 420 });
        if (evenAndOddFooters) settings.Append(new EvenAndOddHeaders());
        settings.Append(
            new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15",
            }),
            new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });
        part.Settings = settings;
        part.Settings.Save();
    }

    /// <summary>
    /// The font table tells Word these are GB2312 (charset 86) fonts, and names the Windows fonts a machine without the
    /// _GB2312 fonts has (仿宋, 楷体), so Word substitutes sensibly.
    /// </summary>
    public static void AddFontTable(MainDocumentPart main, DocProfile profile)
    {
        var part = main.AddNewPart<FontTablePart>("rIdFonts");
        var fonts = new DocumentFormat.OpenXml.Wordprocessing.Fonts();
        var names = new[] { profile.BodyFont, profile.TitleFont, profile.Heading1Font, profile.Heading2Font, profile.PageNumberFont }.Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var font = new Font { Name = name };
            var alt = name == OfficeFonts.FangSong ? "仿宋" : name == OfficeFonts.KaiTi ? "楷体" : null;
            if (alt is not null) font.Append(new AltName { Val = alt });
            font.Append(new FontCharSet { Val = "86" }, new FontFamily { Val = FontFamilyValues.Auto }, new Pitch { Val = FontPitchValues.Variable });
            fonts.Append(font);
        }
        var latin = new Font { Name = profile.LatinFont };
        latin.Append(new FontCharSet { Val = "00" }, new FontFamily { Val = FontFamilyValues.Roman }, new Pitch { Val = FontPitchValues.Variable });
        fonts.Append(latin);
        part.Fonts = fonts;
        part.Fonts.Save();
    }

    /// <summary>
    /// Page numbers per GB/T 9704 7.5: 4号半角宋体阿拉伯数字, an 一字线 on each side; odd pages 居右空一字, even pages
    /// 居左空一字. A blank footer serves unnumbered sections (covers).
    /// </summary>
    public static DocxFooters AddFooters(MainDocumentPart main, DocProfile profile)
    {
        var ids = new DocxFooters("rIdFooterOdd", "rIdFooterEven", "rIdFooterBlank");
        Footer(main, ids.Odd, PageNumber(profile, JustificationValues.Right));
        Footer(main, ids.Even, PageNumber(profile, JustificationValues.Left));
        Footer(main, ids.Blank, new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.FooterStyleId })));
        return ids;
    }

    private static void Footer(MainDocumentPart main, string id, Paragraph p)
    {
        var part = main.AddNewPart<FooterPart>(id);
        part.Footer = new Footer(p);
        part.Footer.Save();
    }

    private static Paragraph PageNumber(DocProfile profile, JustificationValues side)
    {
        var oneChar = DocxRenderer.Twips(profile.PageNumberSizePt * 20);
        var ind = side == JustificationValues.Right
            ? new Indentation { Right = oneChar, RightChars = 100 }
            : new Indentation { Left = oneChar, LeftChars = 100 };
        return new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.FooterStyleId }, ind, new Justification { Val = side }),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new DocumentFormat.OpenXml.Wordprocessing.Run(new Text("1"))) { Instruction = " PAGE " },
            new DocumentFormat.OpenXml.Wordprocessing.Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve }));
    }
}
