using Exemplar.Web.Features.Documents.Applications;
using Exemplar.Web.Features.Documents.Building;

namespace Exemplar.Web.Features.Documents.Kunming;

/// <summary>
/// 昆明市小型微型企业创业创新示范基地认定申请报告 — 昆工信规〔2022〕1号 附件1, reproduced in its order: cover,
/// 申请报告主要内容, 承诺书, 申请表 (一 to 四 with the county's opinion box), 五 基地情况介绍 (一)–(六) with the
/// four tables, and 六 the supporting evidence note. Every figure is counted from the application's records.
/// </summary>
public static class KunmingApplicationReport
{
    public const string Issuer = "昆明市工业和信息化局";
    public const string Programme = "昆明市小型微型企业创业创新示范基地";

    public static byte[] Render(ApplicationDocumentData data) => DocxRenderer.Render(Describe(data));

    public static DocSpec Describe(ApplicationDocumentData data)
    {
        var figures = new ApplicationFigures(data);
        var b = new DocBuilder(DocProfile.Form with { TableSizePt = FontSizes.Wu }, new DocInfo($"{data.Base.BaseName} {Programme}认定申请报告", data.FilledOn, Programme + "认定申请报告"));
        b.Section(PageOrientation.Portrait, pageNumbers: false);
        Cover(b, data);
        b.Section(PageOrientation.Portrait, restartNumbering: true);
        Contents(b);
        b.PageBreak();
        Commitment(b);
        b.PageBreak();
        KunmingApplicationForm.Describe(b, data, figures);
        b.PageBreak();
        Introduction(b, data);
        b.Section(PageOrientation.Landscape);
        KunmingReportTables.Describe(b, data, figures);
        b.Section(PageOrientation.Portrait);
        b.Heading(1, "六、与《昆明市小型微型企业创业创新示范基地申请表》对应的支撑性佐证材料");
        b.Body("支撑性佐证材料按申请表各项顺序另行装订，随本申请报告一并报送。");
        return b.Build();
    }

    private static void Cover(DocBuilder b, ApplicationDocumentData data)
    {
        b.Blank(2);
        b.Add(new Para([new Span("昆　明　市", SizePt: FontSizes.Yi)], ParaStyle.Cover) { LineHeightPt = 48 });
        b.Add(new Para([new Span("小型微型企业创业创新示范基地认定", SizePt: FontSizes.Er)], ParaStyle.Cover) { LineHeightPt = 40 });
        b.Add(new Para([new Span("申　请　报　告", SizePt: FontSizes.XiaoChu)], ParaStyle.Cover) { LineHeightPt = 64 });
        b.Blank(3);
        CoverField(b, "基地名称：", data.Base.BaseName);
        CoverField(b, "申请单位（公章）：", data.Base.OperatorName);
        CoverField(b, "填报日期：", ChineseFormat.Date(data.FilledOn));
        b.Blank(4);
        b.Line("昆明市工业和信息化局制", Align.Center);
        if (data.Reference.Length > 0)
            b.Add(new Para($"{data.ReferenceLabel}：{data.Reference}", ParaStyle.Note) { Align = Align.Center, SpaceBeforeLines = 1 });
    }

    /// <summary>A cover line: label, then the value underlined to a fixed length, as the printed form has it.</summary>
    internal static void CoverField(DocBuilder b, string label, string value)
    {
        var pad = Math.Max(0, 34 - SheetText.DisplayWidth(label) - SheetText.DisplayWidth(value));
        var padded = value + new string('　', pad / 2) + (pad % 2 == 1 ? " " : "");
        b.Add(new Para([new Span(label), new Span(padded, Underline: true)], ParaStyle.Normal) { LeftChars = 2, SpaceAfterLines = 0.6 });
    }

    private static void Contents(DocBuilder b)
    {
        b.FormTitle("申请报告主要内容");
        b.Line("一、承诺书（后附）", style: ParaStyle.Body);
        b.Line("二、昆明市小型微型企业创业创新示范基地申请表（后附）", style: ParaStyle.Body);
        b.Line("三、申请单位的营业执照等相关证明材料（复印件）", style: ParaStyle.Body);
        b.Line("四、基地运营机构上一年度财务审计报告（复印件）", style: ParaStyle.Body);
        b.Line("五、基地情况介绍", style: ParaStyle.Body);
        foreach (var (heading, _) in Sections) b.Line(heading, style: ParaStyle.Body);
        b.Line("六、与《昆明市小型微型企业创业创新示范基地申请表》对应的支撑性佐证材料", style: ParaStyle.Body);
    }

    private static void Commitment(DocBuilder b)
    {
        b.FormTitle("承诺书");
        b.Line("我单位对如下事项郑重承诺：", style: ParaStyle.Body);
        b.Body("一、按照规定组织申报材料，并对申报昆明市小型微型企业创业创新示范基地所有申报资料（包括文字、文件、数据、图片、合同、凭证及证明材料等）的真实性、完整性和准确性负责。");
        b.Body("二、遵守国家相关法律法规，上年度未发生偷漏税、拖欠职工工资及欠缴社会保险费、重大以上生产安全事故、重特大环境污染事件和重大产品质量安全事故等行为。");
        b.Body("三、按照规定程序申报昆明市小型微型企业创业创新示范基地，对涉及有关业务的部门及人员，不采取吃请、馈赠、贿赂等不正当手段。");
        b.Body("如有违反上述承诺，我单位愿承担一切责任。");
        b.Blank();
        b.Signature("申报单位（公章）：", "法定代表人（签字）：", "日期：" + ChineseFormat.BlankDate);
    }

    /// <summary>五、基地情况介绍 (一)–(六): the headings of 附件1 and the applicant's text for each.</summary>
    private static readonly (string Heading, Func<ApplicationNarrative, string> Text)[] Sections =
    [
        ("（一）基地的基本情况", n => n.BasicSituation),
        ("（二）入驻企业和创业团队情况", n => n.ResidentsAndTeams),
        ("（三）基地运营管理情况", n => n.OperationsManagement),
        ("（四）服务小微企业情况", n => n.ServiceToSmallMicro),
        ("（五）其他需要说明的事项", n => n.OtherMatters),
        ("（六）下一步发展计划、目标", n => n.DevelopmentPlan),
    ];

    private static readonly Dictionary<string, string> TableNotes = new()
    {
        ["（一）基地的基本情况"] = "管理和专职服务人员情况见《管理和专职服务人员情况表》。",
        ["（二）入驻企业和创业团队情况"] = "入驻企业情况见《入驻企业（项目）名录表》。",
        ["（四）服务小微企业情况"] = "服务活动和满意度情况见《开展服务活动情况表》《入驻小微企业服务满意度评价表》。",
    };

    private static void Introduction(DocBuilder b, ApplicationDocumentData data)
    {
        b.Heading(1, "五、基地情况介绍");
        foreach (var (heading, text) in Sections)
        {
            b.Heading(2, heading);
            var body = text(data.Narrative);
            if (DocBuilder.Paragraphs(body).Any()) b.Body(body);
            else b.Body("（未填写）");
            if (TableNotes.TryGetValue(heading, out var note)) b.Body(note);
        }
    }
}
