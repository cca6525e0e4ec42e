using System.Text;

namespace Exemplar.Domain.Ledger;

public enum ImportTextKind { Utf8WithBom = 1, Utf8 = 2, Gb18030 = 3 }

/// <summary>The encoding chosen for an uploaded CSV, or the Chinese reason it is refused.</summary>
public sealed record ImportTextVerdict(ImportTextKind? Kind, string? Refusal)
{
    public bool Accepted => Kind is not null;

    public string Label => Kind switch
    {
        ImportTextKind.Utf8WithBom => "UTF-8 带 BOM",
        ImportTextKind.Utf8 => "UTF-8",
        ImportTextKind.Gb18030 => "GBK/GB18030",
        _ => "无法识别",
    };
}

/// <summary>
/// Decides how to read an uploaded CSV from its first bytes: a UTF-8 BOM means UTF-8; otherwise bytes that
/// decode as strict UTF-8 are UTF-8; otherwise bytes that decode as strict GB18030 (a superset of the GBK
/// that Chinese Excel writes as “CSV（逗号分隔）”) are GB18030; anything else is refused. UTF-16 (“Unicode
/// 文本”) and files with NUL bytes (binaries) are refused with their own message. The rest of the file is
/// then read with the same strict decoder, so a bad byte later on is refused too, never turned into “�”.
/// </summary>
public static class ImportTextEncoding
{
    /// <summary>How much of the file the decision looks at (the header row and the first rows in practice).</summary>
    public const int SniffLength = 64 * 1024;

    public const int Gb18030CodePage = 54936;

    public static readonly string NotTextMessage =
        "文件无法按 UTF-8 或 GBK/GB18030 编码读取，可能不是文本 CSV 文件。请在 Excel 中选择“另存为 → CSV UTF-8（逗号分隔）”后重新上传。";

    public static ImportTextVerdict Detect(ReadOnlySpan<byte> head, bool isWholeFile)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Accept(ImportTextKind.Utf8WithBom, head[3..], isWholeFile);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new(null, "不支持 UTF-16（“Unicode 文本”）编码的文件。请在 Excel 中选择“另存为 → CSV UTF-8（逗号分隔）”后重新上传。");
        if (head.IndexOf((byte)0) >= 0)
            return new(null, "文件含有二进制内容（空字节），不是文本 CSV 文件。");
        if (Decodes(Strict(ImportTextKind.Utf8), head, isWholeFile)) return new(ImportTextKind.Utf8, null);
        if (Decodes(Strict(ImportTextKind.Gb18030), head, isWholeFile)) return new(ImportTextKind.Gb18030, null);
        return new(null, NotTextMessage);
    }

    private static ImportTextVerdict Accept(ImportTextKind kind, ReadOnlySpan<byte> rest, bool isWholeFile) =>
        Decodes(Strict(kind), rest, isWholeFile) ? new(kind, null) : new(null, "文件声明为 UTF-8（带 BOM），但其中有不是 UTF-8 的字节。请重新另存为 CSV UTF-8 后上传。");

    /// <summary>
    /// Stands for an undecodable byte sequence while reading (a noncharacter, never in real text): the CSV reader
    /// stops at it and reports the exact row, where an exception thrown while decoding a buffer ahead could not.
    /// </summary>
    public const char Undecodable = '\uFFFF';

    /// <summary>The decoder a file is read with once accepted: an invalid sequence becomes <see cref="Undecodable"/>.</summary>
    public static Encoding Reading(ImportTextKind kind) => kind switch
    {
        ImportTextKind.Gb18030 => CodePagesEncodingProvider.Instance.GetEncoding(Gb18030CodePage, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(Undecodable.ToString()))
            ?? throw new InvalidOperationException("GB18030 encoding is not available."),
        _ => Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(Undecodable.ToString())),
    };

    /// <summary>A decoder that throws on any invalid byte sequence (no silent “�”).</summary>
    public static Encoding Strict(ImportTextKind kind) => kind switch
    {
        ImportTextKind.Gb18030 => CodePagesEncodingProvider.Instance.GetEncoding(Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
            ?? throw new InvalidOperationException("GB18030 encoding is not available."),
        _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
    };

    /// <summary>
    /// Whether the bytes decode strictly. When the span is only the start of the file, a multi-byte
    /// character cut at its end is not an error (flush is false).
    /// </summary>
    private static bool Decodes(Encoding encoding, ReadOnlySpan<byte> bytes, bool isWholeFile)
    {
        try
        {
            encoding.GetDecoder().GetCharCount(bytes, flush: isWholeFile);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
