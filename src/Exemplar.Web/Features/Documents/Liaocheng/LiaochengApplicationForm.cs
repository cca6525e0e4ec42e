using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Documents.Applications;
using Exemplar.Web.Features.Documents.Building;
using Exemplar.Web.Features.Documents.Tibet;
using static Exemplar.Web.Features.Documents.Building.Cells;

namespace Exemplar.Web.Features.Documents.Liaocheng;

/// <summary>
/// 聊城市小型微型企业创业创新示范基地认定申请表 (聊城办法第十条). The text names the form but publishes no layout;
/// this one is laid out from what it must evidence — 第五条 basic conditions, 第六条 operating conditions, 第七条
/// service functions, 第八条 innovation — with the materials list of 第十一条 and the county's initial opinion
/// (第十二条), and says so on its first page.
/// </summary>
public static class LiaochengApplicationForm
{
    public const string Programme = "聊城市小型微型企业创业创新示范基地建设管理办法";
    public const string Title = "聊城市小型微型企业创业创新示范基地认定申请表";

    private static readonly IReadOnlyDictionary<ServiceFunction, string> FunctionArticles = new Dictionary<ServiceFunction, string>
    {
        [ServiceFunction.InformationService] = "第七条（一）",
        [ServiceFunction.EntrepreneurshipCoaching] = "第七条（二）",
        [ServiceFunction.InnovationSupport] = "第七条（三）",
        [ServiceFunction.Training] = "第七条（四）",
        [ServiceFunction.Marketing] = "第七条（五）",
        [ServiceFunction.Financing] = "第七条（六）",
        [ServiceFunction.ManagementConsulting] = "第七条（七）",
        [ServiceFunction.ProfessionalServices] = "第七条（八）",
    };

    /// <summary>The ten materials of 第十一条.</summary>
    public static readonly IReadOnlyList<string> Materials =
    [
        "市级小型微型企业创业创新示范基地申请报告",
        "运营主体的法人证书和营业执照副本（复印件）",
        "土地、房屋的不动产权证书（或租赁合同）复印件",
        "上年度与本基地相关的专项审计报告",
        "基地主要管理人员、服务人员名单及相应的资质证明材料",
        "引入合作性专业服务机构名单",
        "入驻企业名单及营业执照复印件",
        "基地典型服务案例（不超过3000字，可附照片）",
        "开展相关服务的证明材料（通知、照片、总结等）",
        "对申报材料真实性的声明（加盖申报单位公章）",
    ];

    /// <param name="submittedMaterials">Indexes (0–9) of the 第十一条 materials the application carries; null when that is not
    /// known yet (a form printed from data locked before the upload): the boxes are left for the applicant to tick.</param>
    public static byte[] Render(ApplicationDocumentData data, IReadOnlySet<int>? submittedMaterials) => DocxRenderer.Render(Describe(data, submittedMaterials));

    public static DocSpec Describe(ApplicationDocumentData data, IReadOnlySet<int>? submittedMaterials)
    {
        var f = new ApplicationFigures(data);
        var p = data.Base;
        var b = new DocBuilder(DocProfile.Form with { TableSizePt = FontSizes.Wu }, new DocInfo($"{p.BaseName} {Title}", data.FilledOn, Title));
        b.Section(PageOrientation.Portrait, restartNumbering: true);
        b.FormTitle(Title);
        b.Note(EvidenceTables.LayoutNotice(Programme, "第五条至第八条、第十条至第十二条"));
        b.Line([new Span("申报单位（公章）："), new Span(p.OperatorName)]);
        b.Heading(1, "一、基本情况");
        b.Table(new TableBuilder(2.4, 3.8, 2.2, 2.8)
            .Row(H("基地名称"), L(p.BaseName, span: 3))
            .Row(H("运营主体"), L(p.OperatorName), H("统一社会信用代码"), T(p.OperatorUscc))
            .Row(H("注册地址"), L(p.RegisteredAddress, span: 3))
            .Row(H("基地地址"), L(p.Address), H("所在县（市、区）"), T(p.County))
            .Row(H("法定代表人"), T(p.LegalRepresentative), H("运营本基地起始时间"), T(ChineseFormat.Date(p.OperatingSince)))
            .Row(H("联系人"), T(p.ContactName), H("联系电话"), T(TibetApplicationReport.Phones(p)))
            .Row(H("主导产业"), L(string.Join("、", p.LeadingIndustries), span: 3))
            .Build());

        b.Heading(1, "二、基本条件（第五条）");
        var year = f.Startup(data.ReportYear);
        var running = p.OperatingSince is { } since ? $"{ChineseFormat.Date(since)}起，已满{f.YearsSince(since)}年" : "未填写";
        b.Table(new TableBuilder(4.0, 2.8, 4.4)
            .Header("条件", "办法要求", "申报情况")
            .Row(L("独立法人资格并运营管理本基地的时间（第五条（一））"), T("一年以上"), T(running))
            .Row(L("注册地（第五条（一））"), T("聊城市"), L(p.RegisteredAddress))
            .Row(L("入驻小型微型企业（第五条（二））"), T("25家以上"), T($"{year.SmallMicro}家（{data.ReportYear}年末）"))
            .Row(L("从业人员（第五条（二））"), T("400人以上"), T($"{year.Employees}人（{data.ReportYear}年末入驻企业合计）"))
            .Row(L("专职从事创业创新服务的人员（第五条（三））"), T("不少于6人"), T($"{f.Staff.FullTime}人"))
            .Row(L("引入或战略合作的外部专业服务机构（第五条（三））"), T("不少于4家"), T($"{f.ActivePartners.Count}家"))
            .Row(L("公益性免费服务或低收费服务占总服务工作量（第五条（四））"), T("不少于20%"), T($"{ChineseFormat.Percent(f.FeeShare.Percent)}%（{f.FeeShare.FreeOrLowFeeVisits}/{f.FeeShare.TotalVisits}家次）"))
            .Build());
        b.Heading(2, "（一）服务人员");
        b.Table(EvidenceTables.Team(data));
        b.Heading(2, "（二）引入合作性专业服务机构");
        b.Table(EvidenceTables.Partners(f));

        b.Heading(1, "三、运营条件（第六条）");
        b.Table(new TableBuilder(3.0, 8.2)
            .Row(H("基础设施和场地（第六条（一））"), Box($"主要基础设施：{p.MainFacilities}\n总场地面积{ChineseFormat.Number(p.TotalAreaM2)}平方米，其中公共服务区域面积{ChineseFormat.Number(p.PublicServiceAreaM2)}平方米。"))
            .Row(H("治理结构、发展规划和实施方案（第六条（二））"), Box(TibetApplicationReport.Or(data.Narrative.OperationsManagement)))
            .Row(H("管理制度、服务流程、收费标准和服务台账（第六条（三））"), Box($"{data.ReportYear}年服务台账共{data.Entries.Count(e => e.Date.Year == data.ReportYear)}条记录，逐条记载服务诉求、服务记录、时间、地点、参与企业及人数和企业意见反馈。"))
            .Build());

        b.Heading(1, "四、服务功能和服务能力（第七条）");
        b.Body($"以下为{data.ReportYear}年服务台账统计，含基地引入的第三方专业机构的服务。");
        b.Table(EvidenceTables.FunctionVolumes(data, f, FunctionArticles));

        b.Heading(1, "五、运营模式、管理模式创新和特色优势（第八条）");
        b.Table(new TableBuilder(1).Add(new FormRow(Box(TibetApplicationReport.Or(data.Narrative.Innovation))) { MinHeightMm = 40 }).Build());

        b.Heading(1, "六、申报材料（第十一条）");
        var m = new TableBuilder(0.8, 8.4, 2.0).Header("序号", "材料名称", "是否提交");
        for (var i = 0; i < Materials.Count; i++)
            m.Row(N(i + 1), L(Materials[i]), T(submittedMaterials is null ? "☐ 已提交" : submittedMaterials.Contains(i) ? "☑ 已提交" : "☐ 未提交"));
        b.Table(m.Build());

        b.Heading(1, "七、申报单位承诺");
        b.Body("本单位对所提交申报材料的真实性负责，如有弄虚作假，愿承担相应责任。");
        b.Signature("申报单位（公章）：", "法定代表人（签字）：", "日期：" + ChineseFormat.BlankDate);

        b.Heading(1, "八、县（市、区）工信部门初审意见（第十二条）");
        b.Table(new TableBuilder(1).Add(new FormRow(new FormCell([[new Span("")], [new Span("")], [new Span("")], [new Span("（公章）　　　　")], [new Span(ChineseFormat.BlankDate + "　　")]])
        { Align = Align.Right, VAlign = VAlign.Bottom }) { MinHeightMm = 45 }).Build());
        if (data.Reference.Length > 0) b.Note($"{data.ReferenceLabel}：{data.Reference}");
        return b.Build();
    }
}
