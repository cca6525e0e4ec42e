namespace Exemplar.Web.Features.Documents.Building;

/// <summary>
/// A Word document as a description: sections of blocks (paragraphs, headings, tables, images, breaks) under a
/// <see cref="DocProfile"/>. <see cref="DocxRenderer"/> turns it into a package; forms never touch Open XML.
/// </summary>
public sealed record DocSpec(DocProfile Profile, DocInfo Info, IReadOnlyList<DocSection> Sections);

/// <summary>Document properties (docProps/core.xml). <see cref="Date"/> comes from the record, never the clock.</summary>
public sealed record DocInfo(string Title, DateOnly Date, string Subject = "");

public enum PageOrientation { Portrait, Landscape }

/// <summary>
/// One section: its page setup, its blocks and whether pages are numbered (GB/T 9704 7.5: “— n —”,
/// odd pages right, even pages left). A cover section is usually unnumbered.
/// </summary>
public sealed record DocSection(PageOrientation Orientation, IReadOnlyList<Block> Blocks, bool PageNumbers = true, bool RestartNumbering = false, bool PageBorder = false);

public abstract record Block;

public enum Align { Left, Center, Right, Justify, Distribute }

/// <summary>Paragraph style ids; <see cref="DocxStyles"/> defines each from the profile.</summary>
public enum ParaStyle { Normal, Body, Title, Subtitle, Heading1, Heading2, Heading3, Heading4, TableText, TableHeader, Note, Cover, Mark }

/// <summary>A run of text. Font and size override the paragraph style (e.g. a 楷体 phrase, a bigger cover line).</summary>
public sealed record Span(string Text, bool Bold = false, FontRole? Font = null, double? SizePt = null, bool Underline = false, string? Color = null);

/// <summary>Which of the profile's fonts a run uses.</summary>
public enum FontRole { Body, Title, Heading1, Heading2, PageNumber, Latin }

public sealed record Para(IReadOnlyList<Span> Runs, ParaStyle Style = ParaStyle.Body) : Block
{
    public Align? Align { get; init; }
    /// <summary>First-line indent in characters of the style's size (negative = hanging).</summary>
    public double? FirstLineChars { get; init; }
    public double LeftChars { get; init; }
    public double RightChars { get; init; }
    /// <summary>Space before and after in lines of the style (0.5 = half a line).</summary>
    public double SpaceBeforeLines { get; init; }
    public double SpaceAfterLines { get; init; }
    public bool KeepWithNext { get; init; }
    public bool PageBreakBefore { get; init; }
    /// <summary>Exact line height in points (overrides the style), e.g. for the large cover lines.</summary>
    public double? LineHeightPt { get; init; }
    /// <summary>Draws a rule under the paragraph (the red line under the 发文字号), colour and width in eighths of a point.</summary>
    public (string Color, int EighthPoints)? BottomRule { get; init; }
    public (string Color, int EighthPoints)? TopRule { get; init; }
    /// <summary>Text set flush right on the same line (印发日期 beside 印发机关), after a right tab at the right indent.</summary>
    public string? RightText { get; init; }

    public Para(string text, ParaStyle style = ParaStyle.Body) : this([new Span(text)], style) { }
}

public sealed record PageBreak : Block;

/// <summary>An image (PNG), inline, with its printed size in millimetres.</summary>
public sealed record ImageBlock(byte[] Png, double WidthMm, double HeightMm, string Description, Align Align = Align.Center) : Block;

/// <summary>FormTable borders: every cell ruled, none, or only horizontal rules (the 版记).</summary>
public enum TableLines { All, None, Rules }

/// <summary>
/// A table: column widths as shares of the text width (so a table never runs off the page), header rows that
/// repeat on every page, body rows that do not split across pages, cells with column and row spans.
/// </summary>
public sealed record FormTable(IReadOnlyList<double> ColumnShares, IReadOnlyList<FormRow> HeaderRows, IReadOnlyList<FormRow> Rows) : Block
{
    public TableLines Lines { get; init; } = TableLines.All;
    public ParaStyle TextStyle { get; init; } = ParaStyle.TableText;
    /// <summary>Rules (for <see cref="TableLines.Rules"/>): whether the first and last rules are thick (版记: 0.35 mm).</summary>
    public bool ThickOuterRules { get; init; } = true;
    /// <summary>
    /// Floats the table to the foot of the text area (the 版记 on the last lines of the last page, GB/T 9704 7.4), as
    /// Word and WPS place it. LibreOffice 7.4 floats only tables some 5 mm narrower than the text area, so there a
    /// text-wide 版记 follows the body directly.
    /// </summary>
    public bool AtPageBottom { get; init; }
}

public sealed record FormRow(IReadOnlyList<FormCell> Cells)
{
    /// <summary>Minimum row height in millimetres (forms leave room to write by hand).</summary>
    public double? MinHeightMm { get; init; }
    public bool AllowSplit { get; init; }

    public FormRow(params FormCell[] cells) : this((IReadOnlyList<FormCell>)cells) { }
}

public enum VAlign { Top, Center, Bottom }

/// <summary>
/// A table cell: paragraphs of runs, spanning columns and rows. A cell with <see cref="RowSpan"/> &gt; 1 covers the
/// cells below it, and the rows below simply leave those grid columns out.
/// </summary>
public sealed record FormCell(IReadOnlyList<IReadOnlyList<Span>> Lines)
{
    public int ColSpan { get; init; } = 1;
    public int RowSpan { get; init; } = 1;
    public Align Align { get; init; } = Align.Center;
    public VAlign VAlign { get; init; } = VAlign.Center;
    public bool Header { get; init; }
    /// <summary>Alignment per paragraph where it differs from <see cref="Align"/> (a seal line set right).</summary>
    public IReadOnlyList<Align?>? LineAligns { get; init; }
    /// <summary>An image set above the cell's text, which then reads as its caption (a QR code and “扫描二维码核验证书”).</summary>
    public ImageBlock? Image { get; init; }

    public FormCell(string text) : this(SplitLines(text)) { }

    public static IReadOnlyList<IReadOnlyList<Span>> SplitLines(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Select(l => (IReadOnlyList<Span>)[new Span(l)]).ToList();
}
