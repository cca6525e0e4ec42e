using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Exemplar.Web.Infrastructure;

/// <summary>
/// SHA-256 of a text's UTF-8 bytes, in lower-case hex. The bytes go through a pooled buffer: a submission hashes its
/// locked report and its package (about 100 KB each) twice over — its own hash and the audit trail's digest — and each
/// encoding into a new array went onto the large-object heap, where every allocation counts toward a gen-2 collection.
/// </summary>
public static class TextHash
{
    public static string Sha256Hex(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            return Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
