namespace Exemplar.Web.Features.Documents.Building;

/// <summary>How a list column's values are written: text (neutralised), a whole number, a decimal, a date, a percentage.</summary>
public enum ListCellKind { Text, Integer, Decimal, Date, Percent }

public sealed record ListColumn(string Header, ListCellKind Kind = ListCellKind.Text)
{
    /// <summary>Widest a column may grow, in character cells (longer text wraps).</summary>
    public int MaxWidth { get; init; } = 30;
}

/// <summary>
/// An officer's list as one worksheet: an optional title and lines above the header (推荐单位（公章）：…), one
/// header row that stays frozen and repeats on printed pages, the rows, and lines below (注, 填表人). Values are
/// <c>string</c>, numbers, <see cref="DateOnly"/> or null.
/// </summary>
public sealed record XlsxList(string SheetName, IReadOnlyList<ListColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public string? Title { get; init; }
    public IReadOnlyList<string> Preamble { get; init; } = [];
    public IReadOnlyList<string> Footer { get; init; } = [];
    public bool Landscape { get; init; } = true;
    /// <summary>Document properties: title and date (from the record, never the clock).</summary>
    public DocInfo Info { get; init; } = new("", new DateOnly(2000, 1, 1));
}
