namespace Exemplar.Domain.Ledger;

/// <summary>
/// Formula (CSV) injection: a spreadsheet treats a cell that starts with = + - @ (or a TAB or CR before
/// them) as a formula, so a name like <c>=HYPERLINK("http://…")</c> typed by anyone could run when an
/// official opens an export.
/// <para>Export: such a cell gets a leading apostrophe (<see cref="Neutralise"/>), so the spreadsheet shows
/// text. Import: the text is stored as it is — plain text, never evaluated — and the row is flagged
/// 公式字符已按文本处理; an apostrophe that an export put there is taken off again (<see cref="FromImport"/>),
/// so exporting and importing a list gives back the same text.</para>
/// </summary>
public static class ImportCells
{
    public const string FlagMessage = "公式字符已按文本处理";

    public static bool IsFormulaLike(ReadOnlySpan<char> s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Whether an export must prefix the text: it looks like a formula, or it is apostrophes before one
    /// (so that the import's removal of one apostrophe gives back exactly this text).</summary>
    public static bool NeedsApostrophe(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && s[i] == '\'') i++;
        return IsFormulaLike(s[i..]);
    }

    /// <summary>The text an export writes into a cell.</summary>
    public static string Neutralise(string s) => NeedsApostrophe(s) ? "'" + s : s;

    /// <summary>
    /// The text an import stores for a cell: an apostrophe before formula characters is removed (the inverse of
    /// <see cref="Neutralise"/>); <paramref name="formulaLike"/> says whether the result starts like a formula.
    /// </summary>
    public static string FromImport(string raw, out bool formulaLike)
    {
        var text = raw.Length > 1 && raw[0] == '\'' && NeedsApostrophe(raw.AsSpan(1)) ? raw[1..] : raw;
        formulaLike = NeedsApostrophe(text);
        return text;
    }
}
