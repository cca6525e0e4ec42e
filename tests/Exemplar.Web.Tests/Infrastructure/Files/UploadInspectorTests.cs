using System.IO.Compression;
using System.Text;
using Exemplar.Web.Infrastructure.Files;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Tests.Infrastructure.Files;

/// <summary>Hostile uploads: each is refused with a Chinese message; a plain file is accepted under a clean name.</summary>
public sealed class UploadInspectorTests
{
    private static readonly UploadInspector Inspector = new(Options.Create(new UploadOptions { MaxFileBytes = 1024 * 1024 }));

    private static byte[] Pdf(string body) => Encoding.ASCII.GetBytes(
        "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R " + body + " >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static byte[] FlatePdf(string hidden, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, level, leaveOpen: true)) z.Write(Encoding.ASCII.GetBytes(hidden));
        var head = Encoding.ASCII.GetBytes($"%PDF-1.7\n5 0 obj << /Type /ObjStm /Filter /FlateDecode /Length {packed.Length} >>\nstream\n");
        var tail = Encoding.ASCII.GetBytes("\nendstream\nendobj\n%%EOF\n");
        return [.. head, .. packed.ToArray(), .. tail];
    }

    private static byte[] Package(params (string Name, byte[] Content)[] parts)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in parts)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                s.Write(content);
            }
        return ms.ToArray();
    }

    private static readonly byte[] Xml = "<x/>"u8.ToArray();

    [Fact]
    public void A_plain_pdf_is_accepted_with_its_hash_and_a_pdf_extension()
    {
        var v = Inspector.Inspect("营业执照.pdf", Pdf(""), UploadKinds.Documents);
        Assert.True(v.Accepted, v.Refusal);
        Assert.Equal("营业执照.pdf", v.File!.Name);
        Assert.Equal(UploadKind.Pdf, v.File.Kind);
        Assert.Equal(64, v.File.Sha256.Length);
    }

    [Fact]
    public void The_stored_name_takes_the_type_found_in_the_content()
    {
        Assert.Equal("report.pdf", Inspector.Inspect("report.html", Pdf(""), UploadKinds.Documents).File!.Name);
        Assert.Equal("照片.png", Inspector.Inspect("照片", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, UploadKinds.Documents).File!.Name);
    }

    [Fact]
    public void Bidi_controls_and_paths_are_removed_from_names()
    {
        // "invoice‮fdp.exe" displays as "invoiceexe.pdf"; the content is a PDF, so the name becomes invoicefdp.pdf.
        Assert.Equal("invoicefdp.pdf", Inspector.Inspect("invoice\u202Efdp.exe", Pdf(""), UploadKinds.Documents).File!.Name);
        Assert.Equal("passwd.pdf", Inspector.Inspect("../../etc/passwd", Pdf(""), UploadKinds.Documents).File!.Name);
        Assert.Equal("附件.pdf", Inspector.Inspect("\u202E", Pdf(""), UploadKinds.Documents).File!.Name);
    }

    [Theory]
    [InlineData("/JavaScript (app.alert(1))", "/JavaScript")]
    [InlineData("/OpenAction << /S /JS /JS (x) >>", "/JS")]
    [InlineData("/J#61vaScript (x)", "/JavaScript")]
    [InlineData("/AA << /O << /S /Launch /F (cmd.exe) >> >>", "/Launch")]
    [InlineData("/Names << /EmbeddedFiles 3 0 R >>", "/EmbeddedFiles")]
    public void A_pdf_with_active_content_is_refused(string body, string named)
    {
        var v = Inspector.Inspect("a.pdf", Pdf(body), UploadKinds.Documents);
        Assert.False(v.Accepted);
        Assert.Contains(named, v.Refusal);
        Assert.Contains("请另存为普通 PDF", v.Refusal);
    }

    [Fact]
    public void Javascript_hidden_in_a_compressed_object_stream_is_found()
    {
        var v = Inspector.Inspect("a.pdf", FlatePdf("<< /S /JavaScript /JS (app.alert(1)) >>"), UploadKinds.Documents);
        Assert.False(v.Accepted);
        Assert.Contains("/JavaScript", v.Refusal);
        Assert.True(Inspector.Inspect("b.pdf", FlatePdf("<< /Type /Page /MediaBox [0 0 595 842] >>"), UploadKinds.Documents).Accepted);
    }

    [Theory]
    [InlineData(CompressionLevel.NoCompression)] // zlib header 78 01
    [InlineData(CompressionLevel.Fastest)]       // 78 5E
    [InlineData(CompressionLevel.SmallestSize)]  // 78 DA
    public void Javascript_is_found_whatever_compression_level_wrote_the_stream(CompressionLevel level) =>
        Assert.Contains("/JS", Inspector.Inspect("a.pdf", FlatePdf("<< /S /JS (app.alert(1)) >>", level), UploadKinds.Documents).Refusal);

    [Fact]
    public void A_stream_that_only_looks_compressed_is_scanned_as_it_is()
    {
        // "x^" opens like a zlib header (78 5E) but the rest is not Deflate: the decoder fails, the plain scan still runs.
        var v = Inspector.Inspect("a.pdf", Pdf("/Contents 3 0 R >> endobj 3 0 obj << /Length 20 >>\nstream\nx^ /Launch 1 0 R\nendstream\nendobj <<"),
            UploadKinds.Documents);
        Assert.Contains("/Launch", v.Refusal);
    }

    [Fact]
    public void An_encrypted_pdf_is_refused() =>
        Assert.Contains("加密的 PDF", Inspector.Inspect("a.pdf", Pdf("/Encrypt 9 0 R"), UploadKinds.Documents).Refusal);

    [Theory]
    [InlineData("MZ\u0090\u0000")]                 // a Windows executable
    [InlineData("<html><script>alert(1)</script>")] // an HTML page
    [InlineData("\u007FELF")]                       // a Linux executable
    public void A_renamed_file_of_another_type_is_refused(string head)
    {
        var v = Inspector.Inspect("营业执照.pdf", Encoding.Latin1.GetBytes(head + new string(' ', 100)), UploadKinds.Documents);
        Assert.False(v.Accepted);
        Assert.Contains("按文件内容判断，而非扩展名", v.Refusal);
        Assert.Contains("营业执照.pdf", v.Refusal);
    }

    [Fact]
    public void A_type_outside_the_allowed_ones_is_refused_with_the_allowed_list()
    {
        var v = Inspector.Inspect("a.pdf", Pdf(""), UploadKinds.Evidence.Where(k => k != UploadKind.Pdf).ToHashSet());
        Assert.Equal("文件“a.pdf”不是 JPEG、PNG 文件（按文件内容判断，而非扩展名）。", v.Refusal);
    }

    [Fact]
    public void Empty_and_oversized_files_are_refused()
    {
        Assert.Equal("材料“a.pdf”是空文件。", Inspector.Inspect("a.pdf", Array.Empty<byte>(), UploadKinds.Documents, "材料").Refusal);
        Assert.Equal("文件“a.pdf”超过 1 MB 的上限。", Inspector.Inspect("a.pdf", new byte[1024 * 1024 + 1], UploadKinds.Documents).Refusal);
    }

    [Fact]
    public void Office_packages_are_told_apart_and_macros_activex_bombs_and_traversal_are_refused()
    {
        var docx = Package(("[Content_Types].xml", Xml), ("word/document.xml", Xml));
        Assert.Equal(UploadKind.Docx, Inspector.Inspect("申请报告.docx", docx, UploadKinds.Documents).File!.Kind);
        var xlsx = Package(("[Content_Types].xml", Xml), ("xl/workbook.xml", Xml));
        Assert.Equal("名录.xlsx", Inspector.Inspect("名录.docx", xlsx, UploadKinds.Documents).File!.Name);

        Assert.Contains("含有宏", Inspector.Inspect("m.docx", Package(("[Content_Types].xml", Xml), ("word/document.xml", Xml), ("word/vbaProject.bin", Xml)), UploadKinds.Documents).Refusal);
        Assert.Contains("ActiveX", Inspector.Inspect("m.docx", Package(("[Content_Types].xml", Xml), ("word/document.xml", Xml), ("word/activeX/activeX1.xml", Xml)), UploadKinds.Documents).Refusal);
        Assert.Contains("压缩炸弹", Inspector.Inspect("b.docx", Package(("[Content_Types].xml", Xml), ("word/document.xml", new byte[4 * 1024 * 1024])), UploadKinds.Documents).Refusal);
        Assert.Contains("越出文件包的路径", Inspector.Inspect("t.docx", Package(("[Content_Types].xml", Xml), ("../../evil.sh", Xml)), UploadKinds.Documents).Refusal);
        Assert.Contains("不是", Inspector.Inspect("z.docx", Package(("readme.txt", Xml)), UploadKinds.Documents).Refusal);
        Assert.Contains("已损坏", Inspector.Inspect("c.docx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 }, UploadKinds.Documents).Refusal);
        Assert.Contains("旧版 Office", Inspector.Inspect("old.doc", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0 }, UploadKinds.Documents).Refusal);
    }
}
