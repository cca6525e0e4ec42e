namespace Exemplar.Domain.Ledger;

/// <summary>
/// Writes CSV that <see cref="ImportCsvReader"/> and spreadsheets read back: a field is quoted when it holds a
/// comma, a quote or a line break (quotes doubled), and every field is neutralised against formula
/// injection first (<see cref="ImportCells.Neutralise"/>). Rows end with CRLF, as Excel writes them.
/// </summary>
public static class ImportCsvWriter
{
    public static string Field(string? value)
    {
        var text = ImportCells.Neutralise(value ?? "");
        return text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
    }

    public static string Row(IEnumerable<string?> values) => string.Join(",", values.Select(Field)) + "\r\n";
}
