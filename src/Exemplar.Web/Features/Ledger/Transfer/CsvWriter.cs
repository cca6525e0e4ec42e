using System.Globalization;
using System.Text;
using Exemplar.Domain.Ledger;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>
/// Streams CSV in UTF-8 with a BOM (so Excel opens Chinese text correctly), CRLF rows, every text cell
/// neutralised against formula injection (see <see cref="ImportCsvWriter"/>). Rows are written as they come.
/// </summary>
public static class CsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static async Task WriteAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var w = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await w.WriteAsync(ImportCsvWriter.Row(header));
        await foreach (var row in rows.WithCancellation(ct))
            await w.WriteAsync(ImportCsvWriter.Row(row.Select(v => v is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : v?.ToString())));
        await w.FlushAsync(ct);
    }
}

/// <summary>A file written to the response as it is produced (nothing is buffered whole).</summary>
public sealed class StreamedFileResult(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : Microsoft.AspNetCore.Mvc.IActionResult
{
    public async Task ExecuteResultAsync(Microsoft.AspNetCore.Mvc.ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = contentType;
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
