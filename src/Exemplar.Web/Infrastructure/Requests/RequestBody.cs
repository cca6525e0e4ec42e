using System.Buffers;
using Exemplar.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>Reads a raw upload body into one buffer.</summary>
public static class RequestBody
{
    /// <summary>
    /// A raw file upload's body (see <see cref="ReadPooledAsync"/>), let through up to the configured file limit plus
    /// 1 MB — so a file just over the limit gets the inspector's Chinese message, and only a far larger body the server's 413.
    /// </summary>
    public static Task<PooledBody> ReadUploadAsync(HttpContext http)
    {
        var max = http.RequestServices.GetRequiredService<IOptions<UploadOptions>>().Value.MaxFileBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = max + 1024 * 1024;
        return ReadPooledAsync(http.Request, http.RequestAborted);
    }

    /// <summary>
    /// The whole body in a buffer borrowed from the shared pool, returned when the result is disposed — so a burst of
    /// 1 MB uploads reuses a few large buffers instead of putting a new one on the large-object heap per request, where
    /// every allocation counts toward the next gen-2 collection. The request's size limit is set first; the caller must
    /// not keep <see cref="PooledBody.Memory"/> past the dispose.
    /// </summary>
    public static async Task<PooledBody> ReadPooledAsync(HttpRequest request, CancellationToken ct)
    {
        // Only a length the server will accept is rented up front: a larger one fails on the first read anyway.
        var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0;
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } declared and >= 0 && declared <= limit ? (int)declared : 64 * 1024);
        var read = 0;
        try
        {
            while (true)
            {
                if (read == buffer.Length)
                {
                    if (request.ContentLength == read) break;
                    // No (or a wrong) Content-Length: grow by doubling, as far as the server's own limit lets the body go.
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, read).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var n = await request.Body.ReadAsync(buffer.AsMemory(read), ct);
                if (n == 0) break;
                read += n;
            }
            if (request.ContentLength is { } length && length != read) throw new IOException("请求正文与声明的长度不符。");
            return new PooledBody(buffer, read);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}

/// <summary>A request body in a pooled buffer (see <see cref="RequestBody.ReadUploadAsync"/>).</summary>
public sealed class PooledBody(byte[] buffer, int length) : IDisposable
{
    private byte[]? buffer = buffer;

    public ReadOnlyMemory<byte> Memory => (buffer ?? throw new ObjectDisposedException(nameof(PooledBody))).AsMemory(0, length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref buffer, null) is { } b) ArrayPool<byte>.Shared.Return(b);
    }
}
