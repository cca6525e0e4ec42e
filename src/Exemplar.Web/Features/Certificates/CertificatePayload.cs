using System.Text;

namespace Exemplar.Web.Features.Certificates;

/// <summary>
/// The signed text of a certificate: one <c>name=value</c> line per field in a fixed order, UTF-8, LF line ends. What
/// anyone checking a certificate offline rebuilds or reads from the QR code (the <c>p</c> parameter, base64url).
/// </summary>
public sealed record CertificatePayload(string Number, string Title, string BaseName, string ProgrammeId, string? AnnouncementNumber,
    DateOnly ValidFrom, DateOnly? ValidUntil, DateOnly IssuedOn, string KeyId)
{
    public const string Header = "EXEMPLAR-CERTIFICATE-1";

    public string Canonical() => string.Join('\n',
        Header, $"number={Number}", $"title={Title}", $"base={BaseName}", $"programme={ProgrammeId}", $"announcement={AnnouncementNumber ?? ""}",
        $"validFrom={ValidFrom:yyyy-MM-dd}", $"validUntil={(ValidUntil is { } u ? u.ToString("yyyy-MM-dd") : "none")}", $"issuedOn={IssuedOn:yyyy-MM-dd}", $"key={KeyId}");

    /// <summary>The values of a canonical text by name (null when the text is not one).</summary>
    public static IReadOnlyDictionary<string, string>? Fields(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2 || lines[0] != Header) return null;
        var fields = new Dictionary<string, string>();
        foreach (var line in lines.Skip(1))
        {
            var i = line.IndexOf('=');
            if (i <= 0 || !fields.TryAdd(line[..i], line[(i + 1)..])) return null;
        }
        return fields;
    }

    public static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[]? FromBase64Url(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 4000) return null;
        var s = text.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        try { return Convert.FromBase64String(s); }
        catch (FormatException) { return null; }
    }

    public static string? Utf8(byte[]? bytes)
    {
        if (bytes is null) return null;
        try { return new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }
}
