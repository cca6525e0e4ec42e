using Exemplar.Web.Features.Documents.Building;

namespace Exemplar.Web.Features.Documents.Certificates;

/// <summary>A designation certificate (证书): who holds which title until when, who issued it, and the QR code to verify it.</summary>
public sealed record CertificateData
{
    /// <summary>证书编号.</summary>
    public required string Number { get; init; }
    /// <summary>称号, e.g. 昆明市小型微型企业创业创新示范基地.</summary>
    public required string DesignationTitle { get; init; }
    public required string BaseName { get; init; }
    public required string OperatorName { get; init; }
    public required DateOnly ValidFrom { get; init; }
    /// <summary>The last valid day; null where the text sets no period (北京: 动态管理).</summary>
    public required DateOnly? ValidUntil { get; init; }
    /// <summary>颁发机关.</summary>
    public required string IssuerName { get; init; }
    public required DateOnly IssuedOn { get; init; }
    /// <summary>What the QR code carries: the caller's signed verification string (or URL).</summary>
    public required string QrPayload { get; init; }
    public string VerifyHint { get; init; } = "扫描二维码核验证书";
}

/// <summary>The certificate on one A4 landscape page inside a red border, the QR code bottom left, the issuer and seal space bottom right.</summary>
public static class Certificate
{
    public const double QrSizeMm = 30;

    public static byte[] Render(CertificateData data) => DocxRenderer.Render(Describe(data));

    public static DocSpec Describe(CertificateData c)
    {
        var b = new DocBuilder(DocProfile.Certificate, new DocInfo($"{c.BaseName} {c.DesignationTitle}证书", c.IssuedOn, c.Number));
        b.Section(PageOrientation.Landscape, pageNumbers: false, pageBorder: true);
        b.Add(new Para([new Span("证　　书", SizePt: 48, Color: "B00000")], ParaStyle.Cover) { LineHeightPt = 60, SpaceBeforeLines = 1 });
        b.Add(new Para([new Span($"证书编号：{c.Number}", SizePt: FontSizes.XiaoSi)], ParaStyle.Normal) { Align = Align.Right, LineHeightPt = 20 });
        b.Add(new Para([new Span($"{c.OperatorName}：", SizePt: FontSizes.XiaoEr)], ParaStyle.Normal) { LineHeightPt = 34 });
        b.Add(new Para([new Span("经审核，你单位运营的", SizePt: FontSizes.XiaoEr), new Span(c.BaseName, SizePt: FontSizes.XiaoEr, Bold: true),
            new Span("被认定为", SizePt: FontSizes.XiaoEr)], ParaStyle.Body) { LineHeightPt = 34 });
        b.Add(new Para([new Span(c.DesignationTitle, SizePt: FontSizes.Er, Font: FontRole.Title)], ParaStyle.Normal) { Align = Align.Center, LineHeightPt = 44 });
        b.Add(new Para([new Span(c.ValidUntil is { } until ? $"有效期：{ChineseFormat.Date(c.ValidFrom)}至{ChineseFormat.Date(until)}" : $"自{ChineseFormat.Date(c.ValidFrom)}起（动态管理，不设固定有效期）", SizePt: FontSizes.XiaoEr)], ParaStyle.Body) { LineHeightPt = 34 });
        b.Blank();
        var qr = new ImageBlock(QrCodes.Png(c.QrPayload), QrSizeMm, QrSizeMm, c.VerifyHint, Align.Left);
        b.Table(new TableBuilder(1, 1)
            .Row(new FormCell([[new Span(c.VerifyHint, SizePt: FontSizes.Wu)]]) { Align = Align.Left, VAlign = VAlign.Bottom, Image = qr },
                 new FormCell([[new Span(c.IssuerName, SizePt: FontSizes.XiaoEr)], [new Span(ChineseFormat.Date(c.IssuedOn), SizePt: FontSizes.XiaoEr)]])
                 { Align = Align.Right, VAlign = VAlign.Bottom })
            .Build(TableLines.None));
        return b.Build();
    }
}
