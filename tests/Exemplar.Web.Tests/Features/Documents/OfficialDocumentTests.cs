using DocumentFormat.OpenXml.Packaging;
using Exemplar.Web.Features.Documents;
using Exemplar.Web.Features.Documents.Certificates;
using Exemplar.Web.Features.Documents.Official;
using W = DocumentFormat.OpenXml.Wordprocessing;
using static Exemplar.Web.Tests.Features.Documents.OpenXmlChecks;

namespace Exemplar.Web.Tests.Features.Documents;

/// <summary>The GB/T 9704 elements of the 公示, 公告 and 撤销决定, and the certificate.</summary>
public sealed class OfficialDocumentTests
{
    private static W.Paragraph ParagraphWith(WordprocessingDocument doc, string text) =>
        doc.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().First(p => p.InnerText == text);

    [Fact]
    public void Public_notice_has_the_version_head_title_body_signature_and_record()
    {
        var bytes = OfficialDocument.Render(DocumentFixtures.PublicNotice());
        AssertValidDocx(bytes);
        var text = Paragraphs(bytes);
        Assert.Equal("昆明市工业和信息化局文件", text[0]);
        Assert.Contains("昆工信公示〔2026〕3号", text);
        Assert.Contains("关于拟认定2家昆明市小型微型企业创业创新示范基地的公示", text);
        Assert.Contains(text, p => p.StartsWith("根据《昆明市小型微型企业创业创新示范基地认定管理办法（修订）》（昆工信规〔2022〕1号）第十三条规定", StringComparison.Ordinal));
        Assert.Contains("公示期为2026年11月23日至2026年12月4日（10个工作日）。", string.Concat(text));
        Assert.Equal(["2", "盘龙科创孵化基地", "昆明盘龙科创有限公司", "盘龙区"], TableWith(bytes, "基地名称")[2]);
        Assert.Contains("（此件公开发布）", text);

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var mark = ParagraphWith(doc, "昆明市工业和信息化局文件").Descendants<W.RunProperties>().Single();
        Assert.Equal("E60012", mark.Color!.Val!.Value);
        // 12 characters in the 156 mm (442.2 pt) line: 36 pt (小初) fits, so the mark is 小初 = 72 half-points.
        Assert.Equal("72", mark.FontSize!.Val!.Value);
        var number = ParagraphWith(doc, "昆工信公示〔2026〕3号").ParagraphProperties!;
        Assert.Equal(("E60012", 8u), (number.ParagraphBorders!.BottomBorder!.Color!.Value!, number.ParagraphBorders.BottomBorder.Size!.Value));
        // 成文日期 右空四字; 署名 centred over the date: date 2026年11月20日 = 7 character widths, name 10 → 4 + (7 − 10) / 2 = 2.5.
        Assert.Equal(400, ParagraphWith(doc, "2026年11月20日").ParagraphProperties!.Indentation!.RightChars!.Value);
        Assert.Equal(250, ParagraphWith(doc, "昆明市工业和信息化局").ParagraphProperties!.Indentation!.RightChars!.Value);
        // 版记: 印发机关 and 印发日期 between rules, floated to the foot of the text area.
        var record = doc.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Last();
        Assert.Equal(["　昆明市工业和信息化局办公室", "2026年11月20日印发　"], record.Descendants<W.TableCell>().Select(c => c.InnerText).ToList());
        Assert.Equal(W.VerticalAlignmentValues.Bottom, record.GetFirstChild<W.TableProperties>()!.TablePositionProperties!.TablePositionYAlignment!.Value);
        Assert.Equal(8u, record.GetFirstChild<W.TableProperties>()!.TableBorders!.TopBorder!.Size!.Value);
    }

    [Fact]
    public void Announcement_and_revocation_share_the_generator()
    {
        var announcement = OfficialDocument.Render(DocumentFixtures.Announcement() with { Attachments = ["认定基地名单", "示范基地管理要求"] });
        AssertValidDocx(announcement);
        var a = Paragraphs(announcement);
        Assert.Contains("附件：1.认定基地名单", a);
        Assert.Contains("　　　2.示范基地管理要求", a);
        Assert.Contains("各县（市）区、开发（度假）区中小企业主管部门：", a);
        Assert.Contains(a, p => p.Contains("有效期自2026年12月10日至2029年12月9日。现予公告。", StringComparison.Ordinal));
        Assert.Equal(["　抄送：云南省工业和信息化厅。"], TableWith(announcement, "　抄送：云南省工业和信息化厅。")[0]);

        var revocation = OfficialDocument.Render(DocumentFixtures.Revocation());
        AssertValidDocx(revocation);
        var r = Paragraphs(revocation);
        Assert.Contains("关于撤销盘龙科创孵化基地", r);
        Assert.Contains("“昆明市小型微型企业创业创新示范基地”称号的决定", r);
        Assert.Contains("昆明盘龙科创有限公司：", r);
        Assert.Contains("一、查明的事实", r);
        Assert.Contains(r, p => p.StartsWith("依据《昆明市小型微型企业创业创新示范基地认定管理办法（修订）》第十五条", StringComparison.Ordinal) && p.EndsWith("收回已颁发的牌匾。", StringComparison.Ordinal));
        Assert.Contains(r, p => p.Contains("60日内依法申请行政复议（《中华人民共和国行政复议法》第二十条）", StringComparison.Ordinal));
        using var doc = WordprocessingDocument.Open(new MemoryStream(revocation), false);
        var heading = ParagraphWith(doc, "一、查明的事实");
        Assert.Equal("Heading1", heading.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
    }

    [Fact]
    public void Certificate_is_landscape_with_the_callers_qr_payload()
    {
        var bytes = Certificate.Render(DocumentFixtures.Certificate());
        AssertValidDocx(bytes);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = doc.MainDocumentPart!;
        Assert.Equal(W.PageOrientationValues.Landscape, main.Document!.Body!.Descendants<W.PageSize>().Single().Orient!.Value);
        Assert.NotNull(main.Document.Body.Descendants<W.PageBorders>().SingleOrDefault());
        var image = main.ImageParts.Single();
        using var s = image.GetStream();
        var png = new byte[8];
        s.ReadExactly(png);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png);
        var text = string.Concat(Paragraphs(bytes)) + string.Concat(Tables(bytes).SelectMany(t => t).SelectMany(r => r));
        Assert.Contains("证书编号：KM-2026-001", text, StringComparison.Ordinal);
        Assert.Contains("有效期：2026年12月10日至2029年12月9日", text, StringComparison.Ordinal);
        Assert.Contains("昆明市工业和信息化局", text, StringComparison.Ordinal);
        // The QR code itself is decoded from the rendered page in RenderingTests.
        Assert.NotEqual(QrCodes.Png("a"), QrCodes.Png("b"));
        Assert.Equal(bytes, Certificate.Render(DocumentFixtures.Certificate()));
    }

    [Fact]
    public void Generator_names_downloads_without_path_characters()
    {
        var generator = new DocumentGenerator();
        var doc = generator.Certificate(DocumentFixtures.Certificate() with { BaseName = "../昆明:五华/园" });
        Assert.Equal("_昆明_五华_园-证书-KM-2026-001.docx", doc.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", doc.ContentType);
        Assert.Equal("昆明市五华区工业和信息化局-示范基地推荐汇总表.xlsx", generator.KunmingRecommendationSummaryXlsx(DocumentFixtures.Summary()).FileName);
    }
}
