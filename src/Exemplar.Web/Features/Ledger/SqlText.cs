namespace Exemplar.Web.Features.Ledger;

/// <summary>
/// .NET's notion of white space for SQL, so a statement trims and tests for blank text exactly as
/// <see cref="string.Trim()"/> and <see cref="string.IsNullOrWhiteSpace"/> do (PostgreSQL's <c>btrim(x)</c> removes only
/// spaces; <c>btrim(x, characters)</c> removes any of the given characters from both ends, as Trim does).
/// </summary>
public static class SqlText
{
    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> accepts, as ranges (tested against it over all of UTF-16).</summary>
    public static readonly (char From, char To)[] WhiteSpace =
    [
        ('\u0009', '\u000D'), ('\u0020', '\u0020'), ('\u0085', '\u0085'), ('\u00A0', '\u00A0'), ('\u1680', '\u1680'),
        ('\u2000', '\u200A'), ('\u2028', '\u2029'), ('\u202F', '\u202F'), ('\u205F', '\u205F'), ('\u3000', '\u3000'),
    ];

    /// <summary><see cref="WhiteSpace"/> as an escape string literal (\u escapes, so the SQL text stays ASCII).</summary>
    private static readonly string Characters = "E'" + string.Concat(WhiteSpace.SelectMany(r => Enumerable.Range(r.From, r.To - r.From + 1)).Select(c => $"\\u{c:X4}")) + "'";

    /// <summary>The SQL expression of <paramref name="column"/> with leading and trailing white space removed.</summary>
    public static string Trim(string column) => $"btrim({column}, {Characters})";

    /// <summary>The SQL condition that <paramref name="column"/> is null, empty or white space only.</summary>
    public static string IsBlank(string column) => $"({column} IS NULL OR {Trim(column)} = '')";
}
