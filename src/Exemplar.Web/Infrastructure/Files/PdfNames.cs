using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Exemplar.Web.Infrastructure.Files;

/// <summary>
/// Every PDF name object (/Name) in a file, including those inside compressed streams (object streams hide
/// dictionaries since PDF 1.5) and written with #xx escapes (/J#61vaScript is /JavaScript).
/// </summary>
internal static class PdfNames
{
    public static HashSet<string> Scan(ReadOnlyMemory<byte> pdf, ref long inflateBudget)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(pdf.Span, names);
        var stream = "stream"u8;
        var end = "endstream"u8;
        var span = pdf.Span;
        var pos = 0;
        while (inflateBudget >= 0)
        {
            var at = span[pos..].IndexOf(stream);
            if (at < 0) break;
            var start = pos + at + stream.Length;
            pos = start;
            if (start >= 9 && span.Slice(start - 9, 9).SequenceEqual(end)) continue; // this was "endstream"
            if (start < span.Length && span[start] == '\r') start++;
            if (start < span.Length && span[start] == '\n') start++;
            var stop = span[start..].IndexOf(end);
            if (stop < 0) break;
            pos = start + stop + end.Length;
            var inflated = TryInflate(pdf.Slice(start, stop), ref inflateBudget);
            if (inflated is not null) Collect(inflated, names);
        }
        return names;
    }

    private static byte[]? TryInflate(ReadOnlyMemory<byte> compressed, ref long budget)
    {
        // Only a stream that opens with a valid zlib header can be Flate-compressed; the others (images, other filters,
        // plain content) are skipped here rather than by the decoder's exception, which costs more than the scan itself.
        if (compressed.Length < 2 || !IsZlibHeader(compressed.Span[0], compressed.Span[1])) return null;
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var input = Bytes.ReadOnlyStream(compressed);
            using var z = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            int read;
            while ((read = z.Read(buffer, 0, buffer.Length)) > 0)
            {
                budget -= read;
                if (budget < 0) return null;
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null; // a zlib header followed by data that is not Deflate
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>RFC 1950: method 8 (Deflate), a window of at most 32 KB, no preset dictionary, header divisible by 31.</summary>
    internal static bool IsZlibHeader(byte cmf, byte flg) =>
        (cmf & 0x0F) == 8 && cmf >> 4 <= 7 && (flg & 0x20) == 0 && ((cmf << 8) | flg) % 31 == 0;

    private static void Collect(ReadOnlySpan<byte> data, HashSet<string> into)
    {
        // The names are a small part of a file: jump between solidi (a vectorised search) rather than test every byte.
        var i = data.IndexOf((byte)'/');
        while (i >= 0)
        {
            var j = i + 1;
            var escaped = false;
            for (; j < data.Length && !IsDelimiter(data[j]); j++) escaped |= data[j] == '#';
            var raw = data[(i + 1)..j];
            if (!escaped)
            {
                if (raw.Length is > 0 and < 64) into.Add(Encoding.Latin1.GetString(raw));
            }
            else if (Unescape(raw) is { Length: > 0 and < 64 } name) into.Add(name);
            var next = data[j..].IndexOf((byte)'/');
            i = next < 0 ? -1 : j + next;
        }
    }

    /// <summary>A name written with #xx escapes, as the reader sees it.</summary>
    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        var sb = new StringBuilder(raw.Length);
        for (var j = 0; j < raw.Length; j++)
        {
            if (raw[j] == '#' && j + 2 < raw.Length && IsHex(raw[j + 1]) && IsHex(raw[j + 2]))
            {
                sb.Append((char)Convert.ToByte(Encoding.ASCII.GetString(raw.Slice(j + 1, 2)), 16));
                j += 2;
            }
            else sb.Append((char)raw[j]);
        }
        return sb.ToString();
    }

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0
        or (byte)'/' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'(' or (byte)')' or (byte)'{' or (byte)'}' or (byte)'%';

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
}
