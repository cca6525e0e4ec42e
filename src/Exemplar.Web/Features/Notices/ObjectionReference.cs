using System.Security.Cryptography;

namespace Exemplar.Web.Features.Notices;

/// <summary>
/// The filer's reference (异议查询编号): 80 random bits in 16 characters of an alphabet without look-alikes, so it cannot
/// be guessed or counted through; it is the only key to the objection's status.
/// </summary>
public static class ObjectionReference
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New(int year)
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[16];
        for (var i = 0; i < 16; i++) chars[i] = Alphabet[bytes[i] & 31];
        var s = new string(chars);
        return $"YY{year}-{s[..4]}-{s[4..8]}-{s[8..12]}-{s[12..]}";
    }

    /// <summary>The reference as typed (lower case, spaces, full-width dashes) in its stored form, or null if it cannot be one.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var s = new string(typed.Trim().ToUpperInvariant().Replace('－', '-').Replace('—', '-').Where(ch => !char.IsWhiteSpace(ch)).ToArray());
        return s.Length is > 10 and <= 40 ? s : null;
    }
}
