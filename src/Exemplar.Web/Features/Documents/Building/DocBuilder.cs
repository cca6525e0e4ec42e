namespace Exemplar.Web.Features.Documents.Building;

/// <summary>
/// Collects a document's description section by section, so a form reads as what it is:
/// <c>b.Title("承诺书").Body("我单位对如下事项郑重承诺：").Signature("申报单位（公章）：")</c>.
/// </summary>
public sealed class DocBuilder(DocProfile profile, DocInfo info)
{
    private readonly List<DocSection> _sections = [];
    private List<Block> _blocks = [];
    private DocSection _current = new(PageOrientation.Portrait, []);

    public DocProfile Profile => profile;

    /// <summary>Starts a new section (a new page) with its own orientation and numbering.</summary>
    public DocBuilder Section(PageOrientation orientation = PageOrientation.Portrait, bool pageNumbers = true, bool restartNumbering = false, bool pageBorder = false)
    {
        Close();
        _current = new DocSection(orientation, [], pageNumbers, restartNumbering, pageBorder);
        return this;
    }

    public DocBuilder Add(Block block)
    {
        _blocks.Add(block);
        return this;
    }

    public DocBuilder Add(IEnumerable<Block> blocks)
    {
        _blocks.AddRange(blocks);
        return this;
    }

    public DocBuilder Title(string text, double spaceAfterLines = 1) =>
        Add(new Para(text, ParaStyle.Title) { SpaceAfterLines = spaceAfterLines, KeepWithNext = true });

    /// <summary>A form's title on one line: the largest of 2号, 小二, 3号 that fits the text width.</summary>
    public DocBuilder FormTitle(string text, double spaceAfterLines = 0.5)
    {
        var widthPt = profile.TextWidthTwips(_current.Orientation) / 20.0;
        var chars = SheetText.DisplayWidth(text) / 2.0;
        var size = new[] { profile.TitleSizePt, FontSizes.XiaoEr, FontSizes.San }.FirstOrDefault(s => chars * s <= widthPt, FontSizes.Si);
        return Add(new Para([new Span(text, SizePt: size)], ParaStyle.Title) { SpaceAfterLines = spaceAfterLines, KeepWithNext = true });
    }

    public DocBuilder Heading(int level, string text) => Add(new Para(text, level switch
    {
        1 => ParaStyle.Heading1, 2 => ParaStyle.Heading2, 3 => ParaStyle.Heading3, _ => ParaStyle.Heading4,
    }) { KeepWithNext = true });

    /// <summary>Body paragraphs (first line indented two characters); each line of <paramref name="text"/> is a paragraph.</summary>
    public DocBuilder Body(string? text)
    {
        foreach (var line in Paragraphs(text)) Add(new Para(line, ParaStyle.Body));
        return this;
    }

    /// <summary>A paragraph without indent.</summary>
    public DocBuilder Line(string text, Align align = Align.Left, ParaStyle style = ParaStyle.Normal) => Add(new Para(text, style) { Align = align });

    public DocBuilder Line(IReadOnlyList<Span> spans, Align align = Align.Left, ParaStyle style = ParaStyle.Normal) => Add(new Para(spans, style) { Align = align });

    public DocBuilder Note(string text) => Add(new Para(text, ParaStyle.Note) { Align = Align.Left });

    public DocBuilder Blank(int lines = 1)
    {
        for (var i = 0; i < lines; i++) Add(new Para("", ParaStyle.Normal));
        return this;
    }

    public DocBuilder PageBreak() => Add(new PageBreak());

    public DocBuilder Table(FormTable table) => Add(table);

    /// <summary>
    /// Signature and stamp lines (申报单位（公章）：…, 日期：年 月 日) set in the right half of the page, with a blank
    /// line before them for the seal.
    /// </summary>
    public DocBuilder Signature(params string[] lines)
    {
        Add(new Para("", ParaStyle.Normal));
        for (var i = 0; i < lines.Length; i++)
            Add(new Para(lines[i], ParaStyle.Normal) { LeftChars = 12, SpaceBeforeLines = i == 0 ? 0 : 0.6, Align = Align.Left });
        return this;
    }

    public DocSpec Build()
    {
        Close();
        return new DocSpec(profile, info, _sections);
    }

    private void Close()
    {
        if (_blocks.Count == 0) return;
        _sections.Add(_current with { Blocks = _blocks });
        _blocks = [];
    }

    /// <summary>Paragraphs of a text field: lines, trimmed, blank lines dropped.</summary>
    public static IEnumerable<string> Paragraphs(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}

/// <summary>Builds a <see cref="FormTable"/> row by row.</summary>
public sealed class TableBuilder(params double[] shares)
{
    private readonly List<FormRow> _header = [];
    private readonly List<FormRow> _rows = [];

    /// <summary>A header row (repeated on each page) of plain header cells.</summary>
    public TableBuilder Header(params string[] texts) => HeaderRow(texts.Select(t => Cells.H(t)).ToArray());

    public TableBuilder HeaderRow(params FormCell[] cells)
    {
        _header.Add(new FormRow(cells));
        return this;
    }

    public TableBuilder Row(params FormCell[] cells)
    {
        _rows.Add(new FormRow(cells));
        return this;
    }

    public TableBuilder Row(double minHeightMm, params FormCell[] cells)
    {
        _rows.Add(new FormRow(cells) { MinHeightMm = minHeightMm });
        return this;
    }

    public TableBuilder Row(params string[] texts) => Row(texts.Select(t => Cells.T(t)).ToArray());

    public TableBuilder Add(FormRow row)
    {
        _rows.Add(row);
        return this;
    }

    public FormTable Build(TableLines lines = TableLines.All) => new(shares, _header, _rows) { Lines = lines };
}

/// <summary>Short names for cells, so a form's table reads like the table.</summary>
public static class Cells
{
    /// <summary>A header cell (黑体, centred).</summary>
    public static FormCell H(string text, int span = 1, int rows = 1) => new(text) { Header = true, ColSpan = span, RowSpan = rows };

    /// <summary>A text cell, centred.</summary>
    public static FormCell T(string? text, int span = 1, int rows = 1) => new(text ?? "") { ColSpan = span, RowSpan = rows };

    /// <summary>A text cell, left-aligned (longer text).</summary>
    public static FormCell L(string? text, int span = 1, int rows = 1) => new(text ?? "") { ColSpan = span, RowSpan = rows, Align = Align.Left };

    /// <summary>A left-aligned cell of several paragraphs, top-aligned (a box to write in).</summary>
    public static FormCell Box(string? text, int span = 1, int rows = 1) =>
        new(DocBuilder.Paragraphs(text).Select(p => (IReadOnlyList<Span>)[new Span(p)]).DefaultIfEmpty([new Span("")]).ToList())
        { ColSpan = span, RowSpan = rows, Align = Align.Left, VAlign = VAlign.Top };

    /// <summary>A number cell.</summary>
    public static FormCell N(int? value, int span = 1) => T(ChineseFormat.Number(value), span);

    public static FormCell N(decimal? value, int span = 1) => T(ChineseFormat.Number(value), span);
}
