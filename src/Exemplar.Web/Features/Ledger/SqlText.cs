namespace Exemplar.Web.Features.Ledger;

/// <summary>
/// .NET's notion of white space in PostgreSQL regular expressions, so SQL trims and tests for blank text exactly as
/// <see cref="string.Trim()"/> and <see cref="string.IsNullOrWhiteSpace"/> do (PostgreSQL's own <c>btrim</c> removes only
/// spaces): the characters for which <see cref="char.IsWhiteSpace(char)"/> is true.
/// </summary>
public static class SqlText
{
    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> accepts, as ranges (tested against it over all of UTF-16).</summary>
    public static readonly (char From, char To)[] WhiteSpace =
    [
        ('\u0009', '\u000D'), ('\u0020', '\u0020'), ('\u0085', '\u0085'), ('\u00A0', '\u00A0'), ('\u1680', '\u1680'),
        ('\u2000', '\u200A'), ('\u2028', '\u2029'), ('\u202F', '\u202F'), ('\u205F', '\u205F'), ('\u3000', '\u3000'),
    ];

    /// <summary>A bracket expression of <see cref="WhiteSpace"/> (character-entry escapes, so the SQL text stays ASCII).</summary>
    public static readonly string Class = "[" + string.Concat(WhiteSpace.Select(r => r.From == r.To ? $"\\u{(int)r.From:X4}" : $"\\u{(int)r.From:X4}-\\u{(int)r.To:X4}")) + "]";

    /// <summary>The SQL expression of <paramref name="column"/> with leading and trailing white space removed.</summary>
    public static string Trim(string column) => $"regexp_replace({column}, '^{Class}+|{Class}+$', '', 'g')";

    /// <summary>The SQL condition that <paramref name="column"/> (not null) is empty or white space only.</summary>
    public static string IsBlank(string column) => $"{column} ~ '^{Class}*$'";
}
