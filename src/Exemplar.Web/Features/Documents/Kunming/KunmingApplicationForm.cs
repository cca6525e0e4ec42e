using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Documents.Applications;
using Exemplar.Web.Features.Documents.Building;
using static Exemplar.Web.Features.Documents.Building.Cells;

namespace Exemplar.Web.Features.Documents.Kunming;

/// <summary>昆明市小型微型企业创业创新示范基地申请表 (附件1), parts 一 to 四, laid out as the printed form.</summary>
internal static class KunmingApplicationForm
{
    /// <summary>The eight functions as the form pairs them: left column and right column (第七条（一）–（八）).</summary>
    internal static readonly (ServiceFunction Left, ServiceFunction Right)[] FunctionPairs =
    [
        (ServiceFunction.InformationService, ServiceFunction.EntrepreneurshipCoaching),
        (ServiceFunction.InnovationSupport, ServiceFunction.Training),
        (ServiceFunction.Marketing, ServiceFunction.Financing),
        (ServiceFunction.ManagementConsulting, ServiceFunction.ProfessionalServices),
    ];

    public static void Describe(DocBuilder b, ApplicationDocumentData data, ApplicationFigures f)
    {
        var p = data.Base;
        b.FormTitle("昆明市小型微型企业创业创新示范基地申请表");
        b.Heading(1, "一、基地基本情况");
        var staff = f.Staff;
        b.Table(new TableBuilder(2.3, 2.5, 1.6, 2.1, 1.5, 2.3)
            .Row(H("基地名称"), T(p.BaseName, span: 3), H("所属县区"), T(p.County))
            .Row(H("主导产业"), L(string.Join("、", p.LeadingIndustries), span: 5))
            .Row(H("主营业务属于主导产业的入驻企业数（户）"), L(ChineseFormat.Number(f.Current.LeadingIndustry), span: 5))
            .Row(H("运营单位名称"), T(p.OperatorName), H("单位性质"), T(p.UnitNature), H("法人代表"), T(p.LegalRepresentative))
            .Row(H("注册日期"), T(ChineseFormat.Date(p.RegisteredOn)), H("注册地址"), L(p.RegisteredAddress, span: 3))
            .Row(H("联系人"), T(p.ContactName), H("联系电话"), T(p.ContactPhone), H("（手机）"), T(p.ContactMobile))
            .Row(H("网址及备案号"), L(p.Website, span: 3), H("邮箱"), T(p.Email))
            .Row(H("基地基础设施及场地面积", rows: 2), L("主要基础设施：" + p.MainFacilities, span: 5))
            .Row(L($"总场地面积：{ChineseFormat.Number(p.TotalAreaM2)}平方米，其中：公共服务区域面积{ChineseFormat.Number(p.PublicServiceAreaM2)}平方米", span: 5))
            .Row(L($"服务人员{staff.FullTime}人　其中：本科及以上学历和中级及以上职称{staff.Qualified}人，占总人数{ChineseFormat.Percent(staff.Percent)}%，创业导师{staff.Mentors}人", span: 6))
            .Build());

        b.Heading(1, "二、入驻小微企业创业创新情况");
        b.Heading(2, "（一）小微企业创业情况（最少填写两个年度，单位：户、人、万元）");
        var startup = new TableBuilder(1.4, 2, 2, 2, 2.4).Header("年度", "入驻企业户数", "入驻小微企业户数", "小微企业从业人员", "小微企业合计营业收入");
        foreach (var year in data.FigureYears)
        {
            var s = f.Startup(year);
            startup.Row(T($"{year}年"), N(s.Residents), N(s.SmallMicro), N(s.SmallMicroEmployees), N(s.SmallMicroRevenueWan));
        }
        b.Table(startup.Build());
        b.Heading(2, "（二）小微企业创新情况（最少填写两个年度，单位：件、户、个）");
        var years = data.FigureYears;
        var innovationShares = new List<double> { 4 };
        innovationShares.AddRange(years.Select(_ => 1.6));
        innovationShares.Add(1.6);
        var innovation = new TableBuilder(innovationShares.ToArray())
            .HeaderRow([H("可统计创新成果项目", rows: 2), H("年度", span: years.Count), H("合计", rows: 2)])
            .HeaderRow(years.Select(y => H($"{y}年")).ToArray());
        foreach (var row in f.Innovation())
            innovation.Row([L(row.Category), .. row.PerYear.Select(n => N(n)), N(row.Total)]);
        b.Table(innovation.Build());
        b.Note("（其他科技成果自行统计填写，需按认定管理办法规定内容分类）");

        b.Heading(1, "三、服务能力及业绩");
        var service = new TableBuilder(2.2, 1.7, 1.8, 2.2, 1.7, 1.8)
            .Row(H("获得专业资质情况"), L(data.Narrative.ProfessionalQualifications, span: 5))
            .Row(H("服务内容"), H("服务企业户数"), H("相关服务活动场次"), H("服务内容"), H("服务企业户数"), H("相关服务活动场次"));
        foreach (var (left, right) in FunctionPairs)
        {
            var l = f.Volumes[left];
            var r = f.Volumes[right];
            service.Row(H(ServiceFunctions.Label(left)), N(l.EnterprisesServed), N(l.Events), H(ServiceFunctions.Label(right)), N(r.EnterprisesServed), N(r.Events));
        }
        service.Row(L($"上一年度营业收入{ChineseFormat.Number(data.OperatorRevenueWan)}万元，减免小微企业各类服务费用{ChineseFormat.Number(data.FeesWaivedWan)}万元。", span: 6));
        service.Row(H("签约合作服务机构", rows: 2), H("签订合作协议的单位", span: 3), H("其他合作单位", span: 2));
        service.Row(Box(string.Join("\n", f.ActivePartners.Select((a, i) => $"{i + 1}. {a.Name}")), span: 3), Box(data.Narrative.OtherPartners, span: 2));
        b.Table(service.Build());
        b.Note($"注：服务企业户数为{data.ReportYear}年服务台账中接受该项服务的不同企业数（户），相关服务活动场次为同年台账中形式为活动或培训的记录数（场次）。");

        b.Heading(1, "四、获得支持情况");
        b.Table(new TableBuilder(2.6, 8.6)
            .Row(20, H("得到政府扶持的情况"), Box(data.Narrative.GovernmentSupport))
            .Row(20, H("各级政府或省级行业协会授予称号、荣誉"), Box(data.Narrative.Honours))
            .Add(new FormRow(new FormCell([
                [new Span("县（市）区、开发（度假）区中小企业主管部门审查推荐意见：")],
                [new Span("")], [new Span("")], [new Span("")], [new Span("")],
                [new Span("（公章）　　　　")],
                [new Span(ChineseFormat.BlankDate + "　　")],
            ]) { ColSpan = 2, Align = Align.Left, VAlign = VAlign.Top, LineAligns = [null, null, null, null, null, Align.Right, Align.Right] }) { MinHeightMm = 60 })
            .Build());
    }
}
