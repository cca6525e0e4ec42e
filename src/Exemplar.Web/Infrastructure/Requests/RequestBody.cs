using Microsoft.AspNetCore.Http.Features;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>Reads a raw upload body into one array.</summary>
public static class RequestBody
{
    /// <summary>
    /// The whole body. With a Content-Length the array is allocated once at its size and filled in place; a growing
    /// MemoryStream would allocate every power of two up to twice the size and then copy it again (for a 1 MB file about
    /// 4 MB of large-object heap per upload, which under a deadline rush turns into gen-2 collections). The caller sets the
    /// request's size limit first.
    /// </summary>
    public static async Task<byte[]> ReadAllAsync(HttpRequest request, CancellationToken ct)
    {
        // Only a length the server will accept is allocated up front: a larger one fails on the first read anyway.
        var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0;
        if (request.ContentLength is { } length and >= 0 && length <= limit)
        {
            var bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length)
            {
                var n = await request.Body.ReadAsync(bytes.AsMemory(read), ct);
                if (n == 0) throw new IOException("请求正文比声明的长度短。");
                read += n;
            }
            return bytes;
        }

        using var ms = new MemoryStream();
        await request.Body.CopyToAsync(ms, ct);
        return ms.ToArray();
    }
}
