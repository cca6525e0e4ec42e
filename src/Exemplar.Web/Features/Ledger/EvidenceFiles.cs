using System.Text;

namespace Exemplar.Web.Features.Ledger;

/// <summary>Checks uploaded evidence by its first bytes (never by the name the browser sends) and cleans file names.</summary>
public static class EvidenceFiles
{
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return "image/jpeg";
        return null;
    }

    /// <summary>The last path segment without control or reserved characters, at most 100 characters.</summary>
    public static string SafeName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var sb = new StringBuilder();
        foreach (var ch in last)
            if (!char.IsControl(ch) && "<>:\"|?*".IndexOf(ch) < 0) sb.Append(ch);
        var clean = sb.ToString().Trim().TrimStart('.');
        if (clean.Length == 0) clean = "附件";
        return clean.Length > 100 ? clean[^100..] : clean;
    }
}
