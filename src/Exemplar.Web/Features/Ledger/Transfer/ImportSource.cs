using System.Text;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>
/// The rows of an uploaded file, CSV or XLSX, decided by the file's content and checked against its extension.
/// A CSV is decoded and tokenised straight from the upload stream (never held whole); an XLSX needs random
/// access (a ZIP's directory is at its end), so it is copied to a temporary file that is deleted on close.
/// </summary>
public sealed class ImportSource : IAsyncDisposable
{
    private readonly ImportCsvReader? _csv;
    private readonly StreamReader? _text;
    private readonly XlsxRows? _xlsx;
    private readonly FileStream? _temp;

    /// <summary>"CSV（UTF-8）", "CSV（GBK/GB18030）" or "XLSX".</summary>
    public string Format { get; }
    public long Row => _csv?.Row ?? _xlsx?.Row ?? 0;
    /// <summary>Columns of the current row that held a formula (XLSX only).</summary>
    public IReadOnlyList<int> FormulaColumns => _xlsx?.FormulaColumns ?? [];

    private ImportSource(string format, StreamReader text)
    {
        Format = format;
        _text = text;
        _csv = new ImportCsvReader(text);
    }

    private ImportSource(FileStream temp, XlsxRows rows)
    {
        Format = "XLSX";
        _temp = temp;
        _xlsx = rows;
    }

    public ValueTask<bool> TryReadAsync(List<string> cells, CancellationToken ct) =>
        _csv is not null ? _csv.TryReadAsync(cells, ct) : ValueTask.FromResult(_xlsx!.TryRead(cells));

    /// <param name="copied">Told the bytes received so far while an XLSX is copied to its temporary file (a heartbeat for long uploads).</param>
    public static async Task<ImportSource> OpenAsync(UploadStream upload, string fileName, LedgerOptions o, Func<long, Task>? copied, CancellationToken ct)
    {
        var head = new byte[ImportTextEncoding.SniffLength];
        var length = await upload.FillAsync(head, ct);
        var first = head.AsMemory(0, length);
        if (length == 0) throw new ImportRefusedException("上传的文件是空的，未导入任何内容。");
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = first.Span.StartsWith(XlsxPackageGuard.LocalFileHeader);
        if (extension == ".xls" || first.Span.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            throw new ImportRefusedException("不支持 Excel 97-2003 工作簿（.xls）。请在 Excel 中另存为“Excel 工作簿（*.xlsx）”或“CSV UTF-8（逗号分隔）”后上传。");
        switch (extension)
        {
            case ".xlsx":
                if (!isZip) throw new ImportRefusedException(XlsxPackageGuard.NotXlsx);
                return await OpenXlsxAsync(first, upload, o, copied, ct);
            case ".csv" or ".txt":
                if (isZip) throw new ImportRefusedException("文件扩展名为 .csv，但内容是压缩包（可能是 XLSX 工作簿），未导入任何内容。XLSX 文件请保留 .xlsx 扩展名。");
                return OpenCsv(first, length < head.Length, upload);
            default:
                throw new ImportRefusedException($"只能导入 .csv 或 .xlsx 文件，“{fileName}”不是。请使用本页提供的模板。");
        }
    }

    private static ImportSource OpenCsv(ReadOnlyMemory<byte> head, bool isWholeFile, UploadStream upload)
    {
        var verdict = ImportTextEncoding.Detect(head.Span, isWholeFile);
        if (!verdict.Accepted) throw new ImportRefusedException(verdict.Refusal + "未导入任何内容。");
        var kind = verdict.Kind!.Value;
        var body = kind == ImportTextKind.Utf8WithBom ? head[3..] : head;
        var reader = new StreamReader(new PrefixedStream(body, upload), ImportTextEncoding.Reading(kind), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        return new ImportSource($"CSV（{verdict.Label}）", reader);
    }

    private static async Task<ImportSource> OpenXlsxAsync(ReadOnlyMemory<byte> head, UploadStream upload, LedgerOptions o, Func<long, Task>? copied, CancellationToken ct)
    {
        // A random name in the temp folder: the uploaded file name is never part of a path.
        var path = Path.Combine(Path.GetTempPath(), $"exemplar-import-{Guid.NewGuid():N}.xlsx");
        var temp = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await temp.WriteAsync(head, ct);
            var buffer = new byte[81920];
            int n;
            while ((n = await upload.ReadAsync(buffer, ct)) > 0)
            {
                await temp.WriteAsync(buffer.AsMemory(0, n), ct);
                if (copied is not null) await copied(upload.BytesRead);
            }
            await temp.FlushAsync(ct);
            XlsxPackageGuard.Check(temp, o);
            return new ImportSource(temp, XlsxRows.Open(temp, o));
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _text?.Dispose();
        _xlsx?.Dispose();
        if (_temp is not null) await _temp.DisposeAsync();
    }

    /// <summary>The message for bytes the chosen encoding cannot read (found after the part used to choose it).</summary>
    public string DecodingRefusal(long row) =>
        $"第{row}行有无法按{Format}读取的字节（文件可能混用了编码或已损坏），未导入任何内容。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新上传。";
}
