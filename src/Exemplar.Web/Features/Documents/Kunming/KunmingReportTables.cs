using System.Globalization;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Documents.Applications;
using Exemplar.Web.Features.Documents.Building;
using static Exemplar.Web.Features.Documents.Building.Cells;

namespace Exemplar.Web.Features.Documents.Kunming;

/// <summary>
/// The four tables of 附件1 on landscape pages: 管理和专职服务人员情况表, 入驻企业（项目）名录表, 开展服务活动情况表,
/// 入驻小微企业服务满意度评价表.
/// </summary>
internal static class KunmingReportTables
{
    public static void Describe(DocBuilder b, ApplicationDocumentData data, ApplicationFigures f)
    {
        Staff(b, data);
        b.PageBreak();
        Residents(b, data, f);
        b.PageBreak();
        Activities(b, data, f);
        b.PageBreak();
        Satisfaction(b, data, f);
    }

    private static void Staff(DocBuilder b, ApplicationDocumentData data)
    {
        b.FormTitle("管理和专职服务人员情况表");
        var t = new TableBuilder(0.8, 1.4, 2.0, 1.6, 3.2, 2.8, 2.6, 1.5, 2.4, 1.5)
            .HeaderRow(H("序号", rows: 2), H("姓名", rows: 2), H("岗位", rows: 2), H("教育情况", span: 2), H("专业资质情况", span: 2),
                H("在基地工作年限（年）", rows: 2), H("联系电话", rows: 2), H("是否为持证创业导师", rows: 2))
            .HeaderRow(H("学历"), H("毕业院校及专业"), H("资格证名称"), H("发证机关"));
        var n = 0;
        foreach (var s in data.Staff)
        {
            var qualification = s.Qualification.Length > 0 ? s.Qualification : s.MentorCertificate ?? "";
            t.Row(N(++n), T(s.Name), T(s.Position), T(LedgerLabels.Of(s.Education)), T(s.SchoolAndMajor), T(qualification),
                T(s.QualificationIssuer), N(s.YearsAtBase), T(s.Phone), T(ChineseFormat.YesNo(s.IsMentor)));
        }
        b.Table(t.Build());
    }

    private static void Residents(DocBuilder b, ApplicationDocumentData data, ApplicationFigures f)
    {
        b.FormTitle("入驻企业（项目）名录表", spaceAfterLines: 0);
        b.Line("（顺序按企业入驻基地年份）", Align.Center);
        var t = new TableBuilder(0.7, 3.6, 2.0, 1.3, 2.5, 2.0, 1.5, 4.3, 1.3, 2.3)
            .Header("序号", "企业名称", "入驻基地时间", "从业人员数（人）", "主营业务", "所属产业类型", "上年度销售收入（万元）", "创新成果", "联系人", "联系电话");
        var residents = f.CurrentResidents;
        var n = 0;
        foreach (var r in residents)
        {
            var year = r.For(data.ReportYear);
            t.Row(N(++n), L(r.Name), T(ChineseFormat.YearMonth(r.EntryDate)), N(year?.Employees), L(r.MainBusiness), T(r.Industry),
                N(year?.RevenueWan), L(ApplicationFigures.OutcomesText(year)), T(r.ContactName), T(r.ContactPhone));
        }
        t.Row(H($"合计（共{residents.Count}户）", span: 3), N(residents.Sum(r => r.For(data.ReportYear)?.Employees ?? 0)), T("", span: 2),
            N(residents.Sum(r => r.For(data.ReportYear)?.RevenueWan ?? 0m)), T("", span: 3));
        b.Table(t.Build());
        b.Note($"注：入驻企业为{ChineseFormat.Date(data.ListedOn)}在册的入驻企业；从业人员数、销售收入和创新成果为{data.ReportYear}年数据。");
    }

    private static void Activities(DocBuilder b, ApplicationDocumentData data, ApplicationFigures f)
    {
        b.FormTitle("开展服务活动情况表");
        var t = new TableBuilder(0.8, 2.0, 6.4, 1.2, 4.4, 2.6, 2.2)
            .Header("序号", "服务活动类型", "服务活动简介", "服务场次", "活动成果", "公益性服务活动情况", "备注");
        var n = 0;
        foreach (var function in KunmingApplicationForm.FunctionPairs.SelectMany(p => new[] { p.Left, p.Right }).Order())
        {
            var v = f.Volumes[function];
            var text = data.Narrative.Functions.FirstOrDefault(x => x.Function == function);
            var summary = text is { Summary.Length: > 0 } ? text.Summary : Counted(v);
            var share = LedgerMetrics.FreeOrLowFeeShare(data.Entries.Where(e => e.Function == function), data.ReportYear);
            var free = share.TotalVisits == 0 ? "" : $"{share.FreeOrLowFeeVisits}家次，占{ChineseFormat.Percent(share.Percent)}%";
            t.Row(N(++n), T(ServiceFunctions.Label(function)), L(summary), N(v.Events), L(text?.Outcome), L(free), L(text?.Remark));
        }
        b.Table(t.Build());
        var all = f.FeeShare;
        b.Note($"注：{data.ReportYear}年服务台账共服务企业{all.TotalVisits}家次，其中公益性或低收费服务{all.FreeOrLowFeeVisits}家次，占总服务量{ChineseFormat.Percent(all.Percent)}%。公益性服务活动情况为本项服务中公益性或低收费服务的家次及其占本项服务量（家次）的比例；服务场次为活动或培训的台账记录数。");
    }

    /// <summary>The ledger's own summary of a function when the applicant wrote none.</summary>
    private static string Counted(FunctionVolume v)
    {
        if (v.EnterpriseVisits == 0 && v.Events == 0 && v.PersonTimes == 0) return "";
        var parts = new List<string> { $"服务企业{v.EnterprisesServed}户、{v.EnterpriseVisits}家次" };
        if (v.Events > 0) parts.Add($"开展活动{v.Events}场次");
        if (v.PersonTimes > 0) parts.Add($"参加{v.PersonTimes}人次");
        return "全年" + string.Join("，", parts) + "。";
    }

    private static void Satisfaction(DocBuilder b, ApplicationDocumentData data, ApplicationFigures f)
    {
        b.FormTitle("入驻小微企业服务满意度评价表");
        var t = new TableBuilder(0.8, 4.6, 1.4, 2.4, 6.0, 1.2, 1.2)
            .HeaderRow(H("序号", rows: 2), H("企业名称", rows: 2), H("联系人", rows: 2), H("联系电话", rows: 2), H("服务内容简述", rows: 2), H("企业满意度", span: 2))
            .HeaderRow(H("满意"), H("不满意"));
        var residents = data.Residents.ToDictionary(r => r.Id);
        var rows = f.OverallAnswers
            .Select(a => (Answer: a, Resident: residents.GetValueOrDefault(a.EnterpriseId)))
            .OrderBy(x => x.Resident?.EntryDate ?? DateOnly.MaxValue).ThenBy(x => x.Resident?.Name ?? "", StringComparer.Ordinal);
        var n = 0;
        foreach (var (answer, resident) in rows)
            t.Row(N(++n), L(resident?.Name ?? "（不在册企业）"), T(resident?.ContactName), T(resident?.ContactPhone),
                L(f.ServicesReceived(answer.EnterpriseId)), T(answer.Satisfied ? "√" : ""), T(answer.Satisfied ? "" : "√"));
        b.Table(t.Build());
        var s = f.Satisfaction;
        b.Note(string.Create(CultureInfo.InvariantCulture,
            $"注：共{s.Answers}户入驻企业作答，满意{s.Satisfied}户，满意度{ChineseFormat.Percent(s.Percent)}%。服务内容简述为{data.ReportYear}年服务台账中该企业接受的服务。"));
    }
}
