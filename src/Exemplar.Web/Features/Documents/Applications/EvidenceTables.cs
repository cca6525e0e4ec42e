using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Documents.Building;
using static Exemplar.Web.Features.Documents.Building.Cells;

namespace Exemplar.Web.Features.Documents.Applications;

/// <summary>
/// Tables the system-designed forms (Tibet, Liaocheng) share: the service functions' volumes, the service team and
/// the partner agencies, each counted from the application's records.
/// </summary>
public static class EvidenceTables
{
    /// <summary>
    /// The words on the first page of a form whose layout the issuer did not publish: the seeds name the form but give
    /// no layout, so the system lays it out from the articles it must evidence.
    /// </summary>
    public static string LayoutNotice(string programme, string articles) =>
        $"说明：发文机关未印发本表格式。本表格式由本系统依据《{programme}》{articles}的条件编制，用于集中呈现相关证明数据，不是发文机关印发的格式。";

    /// <summary>Per function in the report year: 家次, 户, 次, 人次 and the free/low-fee 家次, with the article of each function.</summary>
    public static FormTable FunctionVolumes(ApplicationDocumentData data, ApplicationFigures f, IReadOnlyDictionary<ServiceFunction, string> articles)
    {
        var t = new TableBuilder(2.6, 1.5, 1.5, 1.5, 1.5, 1.8)
            .Header("服务功能（条款）", "年服务企业（家次）", "服务企业（户）", "组织活动（次）", "培训（人次）", "其中公益性或低收费（家次）");
        foreach (var (function, article) in articles)
        {
            var v = f.Volumes[function];
            var free = LedgerMetrics.FreeOrLowFeeShare(data.Entries.Where(e => e.Function == function), data.ReportYear);
            t.Row(L($"{ServiceFunctions.Label(function)}（{article}）"), N(v.EnterpriseVisits), N(v.EnterprisesServed), N(v.Events), N(v.PersonTimes), N(free.FreeOrLowFeeVisits));
        }
        var all = f.FeeShare;
        t.Row(H("合计"), N(all.TotalVisits), T("—"), N(f.Volumes.Values.Sum(v => v.Events)), N(f.Volumes.Values.Sum(v => v.PersonTimes)), N(all.FreeOrLowFeeVisits));
        return t.Build();
    }

    /// <summary>The service team: every member with 学历, 职称, 专职 and 创业导师.</summary>
    public static FormTable Team(ApplicationDocumentData data)
    {
        var t = new TableBuilder(0.8, 1.6, 2.4, 1.4, 1.6, 1.1, 3.2)
            .Header("序号", "姓名", "岗位", "学历", "职称", "是否专职", "创业导师资格");
        var n = 0;
        foreach (var s in data.Staff)
            t.Row(N(++n), T(s.Name), T(s.Position), T(LedgerLabels.Of(s.Education)), T(LedgerLabels.Of(s.Title)), T(ChineseFormat.YesNo(s.FullTime)), L(s.MentorCertificate ?? "无"));
        return t.Build();
    }

    /// <summary>The partner agencies whose agreements run on the day the form was filled.</summary>
    public static FormTable Partners(ApplicationFigures f)
    {
        var t = new TableBuilder(0.8, 4.0, 3.6, 3.0).Header("序号", "机构名称", "合作服务内容", "协议期限");
        var n = 0;
        foreach (var p in f.ActivePartners)
            t.Row(N(++n), L(p.Name), L(p.Services), T($"{ChineseFormat.Date(p.From)}至{(p.To is { } to ? ChineseFormat.Date(to) : "长期")}"));
        return t.Build();
    }
}
