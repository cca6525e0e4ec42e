using System.Security.Cryptography;
using System.Text;

namespace Exemplar.Web.Features.Surveys;

/// <summary>
/// Personal survey-link tokens: 32 random bytes (256 bits) from the OS generator, URL-safe base64 without padding
/// (43 characters). Only the SHA-256 of the token is stored, so a database reader cannot answer for an enterprise.
/// </summary>
public static class SurveyTokens
{
    public const int MaxLength = 64;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes (64 characters).</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether the text can be a token at all (checked before any database look-up).</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: > 0 and <= MaxLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
