namespace Exemplar.Domain.Ledger;

/// <summary>错误 stops the whole import; 警告 and 提示 are reported but the rows are saved.</summary>
public enum ImportSeverity { Error = 1, Warning = 2, Notice = 3 }

/// <summary>
/// One line of the row-level report: 行 (the spreadsheet row number, header = 1), 列 (letter and header, or
/// null for the whole row/file) and 问题 in Chinese.
/// </summary>
public sealed record ImportIssue(long Row, string? Column, ImportSeverity Severity, string Message)
{
    public static string SeverityLabel(ImportSeverity s) => s switch
    {
        ImportSeverity.Error => "错误",
        ImportSeverity.Warning => "警告",
        ImportSeverity.Notice => "提示",
        _ => "",
    };

    /// <summary>Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnLetter(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    /// <summary>Letter and header, e.g. "C（服务日期）".</summary>
    public static string ColumnName(int index, string header) => $"{ColumnLetter(index)}（{header}）";
}

/// <summary>
/// Collects issues for a report. Every issue is counted; only the first <see cref="Limit"/> errors and the
/// first <see cref="Limit"/> warnings and notices are kept, so a million bad rows cannot fill memory and
/// notices never crowd out errors (the report says how many more there were).
/// </summary>
public sealed class ImportIssues(int limit = 1000)
{
    private readonly List<ImportIssue> _kept = [];
    private int _keptErrors;
    public int Limit { get; } = limit;
    public long Errors { get; private set; }
    public long Warnings { get; private set; }
    public long Notices { get; private set; }
    /// <summary>The kept issues in row order (file-level issues, row 0 or 1, first).</summary>
    public IReadOnlyList<ImportIssue> Kept => _kept.OrderBy(i => i.Row).ThenBy(i => i.Severity).ToList();
    public long Total => Errors + Warnings + Notices;
    public long Omitted => Total - _kept.Count;
    public bool HasErrors => Errors > 0;

    public void Add(ImportIssue issue)
    {
        switch (issue.Severity)
        {
            case ImportSeverity.Error: Errors++; break;
            case ImportSeverity.Warning: Warnings++; break;
            default: Notices++; break;
        }
        var isError = issue.Severity == ImportSeverity.Error;
        if (isError ? _keptErrors >= Limit : _kept.Count - _keptErrors >= Limit) return;
        _kept.Add(issue);
        if (isError) _keptErrors++;
    }

    public void Error(long row, string? column, string message) => Add(new(row, column, ImportSeverity.Error, message));
    public void Warning(long row, string? column, string message) => Add(new(row, column, ImportSeverity.Warning, message));
    public void Notice(long row, string? column, string message) => Add(new(row, column, ImportSeverity.Notice, message));
}
