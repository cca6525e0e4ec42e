using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Documents.Applications;
using Exemplar.Web.Features.Documents.Building;
using static Exemplar.Web.Features.Documents.Building.Cells;

namespace Exemplar.Web.Features.Documents.Tibet;

/// <summary>
/// 西藏自治区小型微型企业创业创新示范基地申请报告 (西藏办法第十二条（一）, 附件2). The text names the report but
/// publishes no layout: this one follows the conditions it must evidence — 第六条 basic conditions, 第七条 operating
/// conditions, 第八条 service functions, 第九条 innovation — then the typical cases (第十二条（七）) and the
/// declaration of truthfulness (第十二条（九）), and says so on its first page.
/// </summary>
public static class TibetApplicationReport
{
    public const string Programme = "西藏自治区小型微型企业创业创新示范基地建设管理办法";
    public const string Title = "西藏自治区小型微型企业创业创新示范基地申请报告";

    internal static readonly IReadOnlyDictionary<ServiceFunction, string> FunctionArticles = new Dictionary<ServiceFunction, string>
    {
        [ServiceFunction.InformationService] = "第八条（一）",
        [ServiceFunction.EntrepreneurshipCoaching] = "第八条（二）",
        [ServiceFunction.InnovationSupport] = "第八条（三）",
        [ServiceFunction.Training] = "第八条（四）",
        [ServiceFunction.Marketing] = "第八条（五）",
        [ServiceFunction.Financing] = "第八条（六）",
        [ServiceFunction.ManagementConsulting] = "第八条（七）",
        [ServiceFunction.ProfessionalServices] = "第八条（八）",
    };

    public static byte[] Render(ApplicationDocumentData data, string recommendingAuthority) => DocxRenderer.Render(Describe(data, recommendingAuthority));

    public static DocSpec Describe(ApplicationDocumentData data, string recommendingAuthority)
    {
        var f = new ApplicationFigures(data);
        var p = data.Base;
        var b = new DocBuilder(DocProfile.Form, new DocInfo($"{p.BaseName} {Title}", data.FilledOn, Title));
        b.Section(PageOrientation.Portrait, restartNumbering: true);
        b.FormTitle(Title);
        b.Note(EvidenceTables.LayoutNotice(Programme, "第六条至第九条、第十二条"));
        b.Table(new TableBuilder(2.4, 4.2, 2.2, 2.4)
            .Row(H("基地名称"), L(p.BaseName, span: 3))
            .Row(H("申报单位（公章）"), L(p.OperatorName, span: 3))
            .Row(H("推荐单位"), L(recommendingAuthority), H("填报日期"), T(ChineseFormat.Date(data.FilledOn)))
            .Row(H("联系人"), T(p.ContactName), H("联系电话"), T(Phones(p)))
            .Build());

        b.Heading(1, "一、基本条件（第六条）");
        var year = f.Startup(data.ReportYear);
        b.Table(new TableBuilder(3.6, 3.6, 4.0)
            .Header("条件", "办法要求", "申报情况")
            .Row(L("申报主体具有独立法人资格并运营管理本基地（第六条（一））"), L("独立法人，运营管理本基地"), L($"{p.OperatorName}（统一社会信用代码：{p.OperatorUscc}），法定代表人{p.LegalRepresentative}"))
            .Row(L("基地成立时间（第六条（一））"), T("3年以上"), T(Established(p.EstablishedOn, f)))
            .Row(L("入驻小微企业（第六条（二））"), T("50家以上"), T($"{year.SmallMicro}家（{data.ReportYear}年末）"))
            .Row(L("从业人员（第六条（二））"), T("1000人以上"), T($"{year.Employees}人（{data.ReportYear}年末入驻企业合计）"))
            .Row(L("专职从事创业创新服务的人员（第六条（三））"), T("不少于7人"), T($"{f.Staff.FullTime}人"))
            .Row(L("其中创业辅导师（第六条（三））"), T("不少于2人"), T($"{f.Staff.Mentors}人"))
            .Row(L("引入或战略合作的外部专业服务机构（第六条（三））"), T("不少于3家"), T($"{f.ActivePartners.Count}家"))
            .Row(L("公益性服务或低收费服务占总服务量（第六条（四））"), T("不少于20%"), T($"{ChineseFormat.Percent(f.FeeShare.Percent)}%（{f.FeeShare.FreeOrLowFeeVisits}/{f.FeeShare.TotalVisits}家次）"))
            .Build());
        b.Heading(2, "（一）服务团队");
        b.Table(EvidenceTables.Team(data));
        b.Heading(2, "（二）引入或战略合作的外部专业服务机构");
        b.Table(EvidenceTables.Partners(f));

        b.Heading(1, "二、运营条件（第七条）");
        b.Heading(2, "（一）基础设施和场地");
        b.Body($"主要基础设施：{p.MainFacilities}。总场地面积{ChineseFormat.Number(p.TotalAreaM2)}平方米，其中公共服务区域面积{ChineseFormat.Number(p.PublicServiceAreaM2)}平方米。");
        b.Heading(2, "（二）治理结构、运营管理、管理制度和服务流程");
        b.Body(Or(data.Narrative.OperationsManagement));
        b.Heading(2, "（三）服务台账");
        var entries = data.Entries.Count(e => e.Date.Year == data.ReportYear);
        b.Body($"本基地{data.ReportYear}年服务台账共{entries}条记录，逐条记载服务功能、时间、地点、参与企业及人数、收费类别和企业意见反馈。");

        b.Heading(1, "三、服务功能和服务能力（第八条）");
        b.Body($"以下为{data.ReportYear}年服务台账统计（含基地引入的第三方专业机构的服务）。");
        b.Table(EvidenceTables.FunctionVolumes(data, f, FunctionArticles));
        foreach (var text in data.Narrative.Functions.Where(x => x.Summary.Length > 0 || x.Outcome.Length > 0))
        {
            b.Heading(2, ServiceFunctions.Label(text.Function));
            b.Body(text.Summary);
            b.Body(text.Outcome);
        }

        b.Heading(1, "四、运营模式、管理模式创新和示范作用（第九条）");
        b.Body(Or(data.Narrative.Innovation));
        b.Heading(1, "五、基地典型服务案例");
        b.Body(Or(data.Narrative.TypicalCases));
        b.Heading(1, "六、下一步发展计划");
        b.Body(Or(data.Narrative.DevelopmentPlan));

        b.Heading(1, "七、对申报材料真实性的声明");
        b.Body("本单位郑重声明：所提交的申请报告及全部申报材料内容真实、数据准确，如有虚假，愿承担相应责任。");
        b.Signature("申报单位（公章）：", "法定代表人（签字）：", "日期：" + ChineseFormat.BlankDate);
        return b.Build();
    }

    internal static string Phones(BaseParticulars p) => string.Join("；", new[] { p.ContactPhone, p.ContactMobile }.Where(x => x.Length > 0));

    internal static string Established(DateOnly? on, ApplicationFigures f) =>
        on is { } d ? $"{ChineseFormat.Date(d)}成立，已满{f.YearsSince(d)}年" : "未填写";

    internal static string Or(string text) => DocBuilder.Paragraphs(text).Any() ? text : "（未填写）";
}
