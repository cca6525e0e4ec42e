using Exemplar.Web.Features.Documents.Building;
using static Exemplar.Web.Features.Documents.Building.Cells;

namespace Exemplar.Web.Features.Documents.Official;

/// <summary>A block of an official document's body: a paragraph, a heading by level (一、/（一）/1./（1）) or a table.</summary>
public abstract record OfficialBlock;

public sealed record OfficialParagraph(string Text) : OfficialBlock;

/// <summary>A heading: level 1 黑体 “一、”, level 2 楷体 “（一）”, level 3 仿宋加粗 “1.”, level 4 仿宋 “（1）”. The text carries its number.</summary>
public sealed record OfficialHeading(int Level, string Text) : OfficialBlock;

public sealed record OfficialTable(IReadOnlyList<string> Header, IReadOnlyList<double> Shares, IReadOnlyList<IReadOnlyList<string>> Rows) : OfficialBlock;

/// <summary>
/// An official document (公文) in the elements GB/T 9704-2012 lays out: 版头 (发文机关标志, 发文字号, red separator),
/// 主体 (标题, 主送机关, 正文, 附件说明, 发文机关署名, 成文日期, 附注) and 版记 (抄送, 印发机关和印发日期).
/// </summary>
public sealed record OfficialDocumentData
{
    /// <summary>发文机关标志, e.g. 昆明市工业和信息化局文件.</summary>
    public required string IssuerMark { get; init; }
    /// <summary>发文字号, e.g. 昆工信〔2026〕12号; empty for a document without one.</summary>
    public string DocumentNumber { get; init; } = "";
    public required string Title { get; init; }
    /// <summary>主送机关; empty for a 公告 or 公示 addressed to the public.</summary>
    public string Addressee { get; init; } = "";
    public required IReadOnlyList<OfficialBlock> Body { get; init; }
    /// <summary>附件说明: the attachments' names, in order.</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];
    /// <summary>发文机关署名.</summary>
    public required string Signatory { get; init; }
    /// <summary>成文日期.</summary>
    public required DateOnly Date { get; init; }
    /// <summary>附注, e.g. 此件公开发布 (printed in parentheses).</summary>
    public string Note { get; init; } = "";
    /// <summary>抄送机关.</summary>
    public IReadOnlyList<string> CopyTo { get; init; } = [];
    /// <summary>印发机关, e.g. 昆明市工业和信息化局办公室.</summary>
    public required string PrintedBy { get; init; }
    public required DateOnly PrintedOn { get; init; }
}

/// <summary>Lays out an <see cref="OfficialDocumentData"/> on the GB/T 9704 profile.</summary>
public static class OfficialDocument
{
    /// <summary>GB/T 9704 red (版头 and separator).</summary>
    public const string Red = "E60012";

    public static byte[] Render(OfficialDocumentData data) => DocxRenderer.Render(Describe(data));

    public static DocSpec Describe(OfficialDocumentData d)
    {
        var profile = DocProfile.Gbt9704;
        var b = new DocBuilder(profile, new DocInfo(d.Title, d.Date, d.DocumentNumber));
        b.Section(PageOrientation.Portrait, restartNumbering: true);
        var widthPt = profile.TextWidthTwips(PageOrientation.Portrait) / 20.0;
        var markSize = Math.Min(FontSizes.XiaoChu, Math.Floor(widthPt / Math.Max(1, SheetText.DisplayWidth(d.IssuerMark) / 2.0)));
        b.Add(new Para([new Span(d.IssuerMark, SizePt: markSize, Color: Red)], ParaStyle.Mark) { LineHeightPt = markSize * 1.3 });
        b.Blank(2);
        // 发文字号 centred under the mark; the red separator 4 mm below it, as wide as the text area.
        b.Add(new Para(d.DocumentNumber, ParaStyle.Normal) { Align = Align.Center, BottomRule = (Red, 8) });
        b.Blank(2);
        foreach (var line in d.Title.Split('\n')) b.Add(new Para(line, ParaStyle.Title) { KeepWithNext = true });
        b.Blank();
        if (d.Addressee.Length > 0) b.Line(d.Addressee + "：");
        // GB/T 9704 7.3.5.4: 署名 and 成文日期 never stand alone on a page — the last lines of the text go over with them.
        var last = d.Body.LastOrDefault() as OfficialParagraph;
        foreach (var block in d.Body)
        {
            switch (block)
            {
                case OfficialParagraph p when ReferenceEquals(p, last):
                    var lines = DocBuilder.Paragraphs(p.Text).ToList();
                    for (var i = 0; i < lines.Count; i++) b.Add(new Para(lines[i], ParaStyle.Body) { KeepWithNext = i == lines.Count - 1 });
                    break;
                case OfficialParagraph p: b.Body(p.Text); break;
                case OfficialHeading h: b.Heading(h.Level, h.Text); break;
                case OfficialTable t:
                    var table = new TableBuilder(t.Shares.ToArray()).Header(t.Header.ToArray());
                    foreach (var row in t.Rows) table.Row(row.Select((c, i) => i == 0 ? T(c) : L(c)).ToArray());
                    b.Table(table.Build());
                    break;
            }
        }
        Attachments(b, d.Attachments);
        Signature(b, d.Signatory, ChineseFormat.Date(d.Date));
        if (d.Note.Length > 0) b.Add(new Para($"（{d.Note}）", ParaStyle.Normal) { LeftChars = 2 });
        Record(b, d);
        return b.Build();
    }

    /// <summary>
    /// 附件说明 (GB/T 9704 7.3.4): a blank line after the body, “附件：” 左空二字, several attachments numbered “1.XXXXX”
    /// with each number under the first (no punctuation after a name).
    /// </summary>
    private static void Attachments(DocBuilder b, IReadOnlyList<string> names)
    {
        if (names.Count == 0) return;
        b.Add(new Para("", ParaStyle.Normal) { KeepWithNext = true });
        if (names.Count == 1)
        {
            b.Add(new Para($"附件：{names[0]}", ParaStyle.Normal) { LeftChars = 2, KeepWithNext = true });
            return;
        }
        for (var i = 0; i < names.Count; i++)
            b.Add(new Para($"{(i == 0 ? "附件：" : "　　　")}{i + 1}.{names[i]}", ParaStyle.Normal) { LeftChars = 2, KeepWithNext = true });
    }

    /// <summary>
    /// 发文机关署名 and 成文日期 of a sealed document (GB/T 9704 7.3.5.1): the date 右空四字, the issuer centred over the
    /// date, with room above for the seal.
    /// </summary>
    private static void Signature(DocBuilder b, string signatory, string date)
    {
        for (var i = 0; i < 2; i++) b.Add(new Para("", ParaStyle.Normal) { KeepWithNext = true });
        double Chars(string s) => SheetText.DisplayWidth(s) / 2.0;
        var dateRight = 4.0;
        var signRight = Math.Max(0, dateRight + (Chars(date) - Chars(signatory)) / 2);
        b.Add(new Para(signatory, ParaStyle.Normal) { Align = Align.Right, RightChars = signRight, KeepWithNext = true });
        b.Add(new Para(date, ParaStyle.Normal) { Align = Align.Right, RightChars = dateRight });
    }

    /// <summary>
    /// 版记 (GB/T 9704 7.4): 抄送 and 印发机关/印发日期 between rules — thick first and last, thin between — at the foot
    /// of the last page, 左右各空一字 (a full-width space, so the rules stay as wide as the text area).
    /// </summary>
    private static void Record(DocBuilder b, OfficialDocumentData d)
    {
        var size = b.Profile.NoteSizePt;
        var t = new TableBuilder(1, 1);
        if (d.CopyTo.Count > 0)
            t.Row(new FormCell([[new Span("　抄送：" + string.Join("，", d.CopyTo) + "。", SizePt: size)]]) { ColSpan = 2, Align = Align.Left });
        t.Row(new FormCell([[new Span("　" + d.PrintedBy, SizePt: size)]]) { Align = Align.Left },
              new FormCell([[new Span(ChineseFormat.Date(d.PrintedOn) + "印发　", SizePt: size)]]) { Align = Align.Right });
        // 首条、末条分隔线用粗线（0.35 mm ≈ 1 pt），中间用细线（0.25 mm ≈ 0.75 pt）: TableLines.Rules.
        b.Table(t.Build(TableLines.Rules) with { AtPageBottom = true, TextStyle = ParaStyle.Normal });
    }
}
