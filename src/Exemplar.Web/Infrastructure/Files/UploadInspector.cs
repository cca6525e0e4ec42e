using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Infrastructure.Files;

/// <summary>An upload that passed inspection: its normalised name, type found from its content, size and SHA-256.</summary>
public sealed record InspectedFile(string Name, UploadKind Kind, long Size, string Sha256)
{
    public string ContentType => UploadKinds.ContentType(Kind);
}

public sealed record UploadVerdict(InspectedFile? File, string? Refusal)
{
    public bool Accepted => File is not null;
}

/// <summary>
/// Decides what an uploaded file is from its bytes and refuses what the product will not keep: unknown or disguised
/// types (a renamed executable, an HTML page called .pdf), encrypted files, PDFs with active content (JavaScript,
/// launch actions, embedded files, forms that submit), Office packages with macros or ActiveX, broken or
/// decompression-bomb packages, and paths inside packages that climb out of them. Every upload path uses it.
/// </summary>
public sealed class UploadInspector(IOptions<UploadOptions> options)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public UploadOptions Limits => options.Value;

    /// <param name="label">What the file is to the user, for messages (e.g. 材料“营业执照”).</param>
    public UploadVerdict Inspect(string? fileName, ReadOnlyMemory<byte> content, IReadOnlySet<UploadKind> allowed, string label = "文件")
    {
        var shown = FileNames.Clean(fileName);
        var named = shown.Length == 0 ? label : $"{label}“{shown}”";
        var o = options.Value;
        if (content.Length == 0) return Refuse($"{named}是空文件。");
        if (content.Length > o.MaxFileBytes) return Refuse($"{named}超过 {o.MaxFileBytes / 1024 / 1024} MB 的上限。");
        var head = content.Span;
        UploadKind? kind = null;
        if (head.StartsWith("%PDF-"u8)) kind = UploadKind.Pdf;
        else if (head.StartsWith(Png)) kind = UploadKind.Png;
        else if (head.StartsWith(Jpeg)) kind = UploadKind.Jpeg;
        else if (head.StartsWith(Ole)) return Refuse($"{named}是旧版 Office 文件或已加密的文件，请另存为不加密的 .docx、.xlsx 或 PDF 后再上传。");
        else if (head.StartsWith(Zip))
        {
            var (package, problem) = InspectPackage(content, named, o);
            if (problem is not null) return Refuse(problem);
            kind = package;
        }
        if (kind is not { } k || !allowed.Contains(k))
            return Refuse($"{named}不是 {UploadKinds.List(allowed)} 文件（按文件内容判断，而非扩展名）。");
        if (k == UploadKind.Pdf && PdfProblem(content, named) is { } pdf) return Refuse(pdf);
        return new UploadVerdict(new InspectedFile(FileNames.Normalise(fileName, k), k, content.Length,
            Convert.ToHexStringLower(SHA256.HashData(content.Span))), null);
    }

    private static UploadVerdict Refuse(string message) => new(null, message);

    private static (UploadKind?, string?) InspectPackage(ReadOnlyMemory<byte> content, string named, UploadOptions o)
    {
        try
        {
            using var zip = new ZipArchive(Bytes.ReadOnlyStream(content), ZipArchiveMode.Read);
            if (zip.Entries.Count > o.MaxPackageEntries) return (null, $"{named}包含的部件过多，不像正常的 Office 文件。");
            long total = 0;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var e in zip.Entries)
            {
                var path = e.FullName.Replace('\\', '/');
                if (path.StartsWith('/') || path.Contains(':') || path.Split('/').Any(s => s == ".."))
                    return (null, $"{named}中含有越出文件包的路径“{FileNames.Clean(path)}”，已拒绝。");
                total += e.Length;
                if (total > o.MaxPackageUncompressedBytes || (e.Length > 1024 * 1024 && e.CompressedLength > 0 && e.Length / e.CompressedLength > o.MaxCompressionRatio))
                    return (null, $"{named}解压后异常庞大（可能是压缩炸弹），已拒绝。");
                names.Add(path);
            }
            if (!names.Contains("[Content_Types].xml")) return (null, null);
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
                return (null, $"{named}含有宏，请另存为不含宏的 .docx 或 .xlsx 后再上传。");
            if (names.Any(n => n.Contains("/activeX/", StringComparison.OrdinalIgnoreCase) ||
                               (n.Contains("/embeddings/", StringComparison.OrdinalIgnoreCase) && n.EndsWith(".bin", StringComparison.OrdinalIgnoreCase))))
                return (null, $"{named}含有 ActiveX 控件或嵌入的程序对象，已拒绝。");
            if (names.Contains("word/document.xml")) return (UploadKind.Docx, null);
            if (names.Contains("xl/workbook.xml")) return (UploadKind.Xlsx, null);
            return (null, null);
        }
        catch (InvalidDataException)
        {
            return (null, $"{named}已损坏，无法作为 Office 文件打开。");
        }
    }

    /// <summary>PDF names that make a document act rather than show: refused wherever they appear.</summary>
    private static readonly HashSet<string> ActiveNames =
        ["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA", "SubmitForm", "ImportData"];

    private static string? PdfProblem(ReadOnlyMemory<byte> content, string named)
    {
        var budget = 64L * 1024 * 1024;
        var found = PdfNames.Scan(content, ref budget);
        if (found.Contains("Encrypt")) return $"{named}是加密的 PDF，请取消密码保护后再上传。";
        var active = found.FirstOrDefault(ActiveNames.Contains);
        if (active is not null) return $"{named}含有脚本、自动动作或嵌入文件（/{active}），请另存为普通 PDF 后再上传。";
        return budget < 0 ? $"{named}的压缩内容异常庞大，已拒绝。" : null;
    }
}
