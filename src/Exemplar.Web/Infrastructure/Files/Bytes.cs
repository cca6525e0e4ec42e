using System.Runtime.InteropServices;

namespace Exemplar.Web.Infrastructure.Files;

internal static class Bytes
{
    /// <summary>A read-only stream over the bytes without copying them (they come from an array: a request body or a pooled buffer).</summary>
    public static MemoryStream ReadOnlyStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
}
