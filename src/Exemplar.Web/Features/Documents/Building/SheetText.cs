using System.Text;
using System.Xml;
using Exemplar.Domain.Ledger;

namespace Exemplar.Web.Features.Documents.Building;

/// <summary>Text as it goes into an Office file: only characters XML can carry, spreadsheet cells neutralised, widths in cells.</summary>
public static class SheetText
{
    /// <summary>Drops characters XML cannot carry (control characters, lone surrogates).</summary>
    public static string Clean(string s)
    {
        if (s.All(XmlConvert.IsXmlChar)) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (XmlConvert.IsXmlChar(s[i])) sb.Append(s[i]);
            else if (i + 1 < s.Length && XmlConvert.IsXmlSurrogatePair(s[i + 1], s[i])) { sb.Append(s, i, 2); i++; }
        }
        return sb.ToString();
    }

    /// <summary>The text a spreadsheet cell gets: formula injection neutralised (<see cref="ImportCells.Neutralise"/>), then cleaned.</summary>
    public static string ForCell(string s) => Clean(ImportCells.Neutralise(s));

    /// <summary>Display width in character cells: CJK and full-width characters count two.</summary>
    public static int DisplayWidth(string s)
    {
        var width = 0;
        foreach (var c in s) width += IsWide(c) ? 2 : 1;
        return width;
    }

    private static bool IsWide(char c) =>
        c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
            or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6'
            or '\u2014' or '\u2026' or '\u201C' or '\u201D' or '\u2018' or '\u2019';
}
