using System.IO.Compression;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>
/// Checks an uploaded XLSX before any spreadsheet code opens it: it must start with a ZIP local-file header,
/// contain <c>[Content_Types].xml</c> and <c>xl/workbook.xml</c>, and stay inside the limits on entry count,
/// total uncompressed size and compression ratio. The sizes a ZIP declares can lie, so every entry is also
/// inflated once through a counter that stops at the limit — a zip bomb is refused after at most the limit's
/// worth of work, never expanded in memory or on disk.
/// </summary>
public static class XlsxPackageGuard
{
    public static ReadOnlySpan<byte> LocalFileHeader => [0x50, 0x4B, 0x03, 0x04];

    public const string NotXlsx = "文件扩展名为 .xlsx，但内容不是 XLSX 工作簿（可能是改了扩展名的其他文件），未导入任何内容。请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后上传。";
    public const string Damaged = "XLSX 文件已损坏或不是 Excel 工作簿，未导入任何内容。";

    public static void Check(Stream file, LedgerOptions o)
    {
        Span<byte> head = stackalloc byte[4];
        file.Position = 0;
        if (file.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4 || !head.SequenceEqual(LocalFileHeader)) throw new ImportRefusedException(NotXlsx);
        file.Position = 0;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > o.MaxXlsxEntries)
                throw new ImportRefusedException($"XLSX 文件包含 {zip.Entries.Count} 个部件，超过 {o.MaxXlsxEntries} 个的上限（可能是压缩炸弹），未导入任何内容。");
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml") || !names.Contains("xl/workbook.xml")) throw new ImportRefusedException(NotXlsx);
            var declared = zip.Entries.Sum(e => e.Length);
            if (declared > o.MaxXlsxUncompressedBytes) throw Bomb(o);
            foreach (var e in zip.Entries.Where(e => e.Length > 1024 * 1024))
                if (e.Length / Math.Max(1, e.CompressedLength) > o.MaxXlsxCompressionRatio)
                    throw new ImportRefusedException($"XLSX 文件中“{EvidenceFiles.SafeName(e.FullName)}”的压缩比超过 {o.MaxXlsxCompressionRatio} 倍（可能是压缩炸弹），未导入任何内容。");
            long actual = 0;
            var buffer = new byte[81920];
            foreach (var e in zip.Entries)
            {
                using var s = e.Open();
                long inEntry = 0;
                int n;
                while ((n = s.Read(buffer)) > 0)
                {
                    inEntry += n;
                    actual += n;
                    if (actual > o.MaxXlsxUncompressedBytes || inEntry > e.Length) throw Bomb(o);
                }
            }
        }
        catch (InvalidDataException) { throw new ImportRefusedException(Damaged); }
        finally { file.Position = 0; }
    }

    private static ImportRefusedException Bomb(LedgerOptions o) =>
        new($"XLSX 文件解压后超过 {UploadStream.FormatSize(o.MaxXlsxUncompressedBytes)} 的上限（可能是压缩炸弹），未导入任何内容。");
}
