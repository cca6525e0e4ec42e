using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Ledger.Transfer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Statistics;

/// <summary>The dashboard's tables of a year as one XLSX workbook (one sheet per table), with the product's XLSX writer.</summary>
[Authorize(Roles = StatisticsScope.Roles)]
public sealed class ExportModel(StatisticsQuery query) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] [Display(Name = "统计年度")] public int? Year { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var year = Year ?? query.Today.Year;
        if (year < StatisticsYears.First || year > query.Today.Year) return NotFound();
        var d = await query.DashboardAsync(User, year, ct);
        var stages = Enum.GetValues<ApplicationStatus>();
        IReadOnlyList<XlsxSheet> sheets =
        [
            new("示范基地", ["地区", "认定类别", "现有有效（个）", $"{year}年新认定（个）"],
                Rows(d.Bases.Select(b => new object?[] { b.RegionName, b.ProgrammeTitle, b.Valid, b.NewInYear }))),
            new("申报情况", ["申报通知", .. stages.Select(ApplicationLabels.Of), "合计"],
                Rows(d.Applications.Select(a => (object?[])[a.CallTitle, .. stages.Select(s => (object?)a.ByStatus.GetValueOrDefault(s)), a.Total]))),
            new("服务量", ["服务功能", "有记录的基地（个）", "服务企业（家次）", "服务企业（家）", "服务活动（次）", "人次", "公益/低收费（家次）"],
                Rows(d.Services.Select(s => new object?[] { ServiceFunctions.Label(s.Function), s.Bases, s.EnterpriseVisits, s.Enterprises, s.Events, s.PersonTimes, s.FreeOrLowFeeVisits }))),
            new("逾期事项", ["事项类别", "办理方", "事项", "地区", "期限", "已逾期（天）", "依据"],
                Rows(d.Overdue.Select(o => new object?[] { StatisticsLabels.Of(o.Obligation.Kind), StatisticsLabels.Of(o.Obligation.Party), o.Obligation.Title,
                    o.RegionName, Infrastructure.ChinaTime.Format(o.Obligation.DueDate), o.DaysOverdue, o.Obligation.Citation }))),
        ];
        var name = $"统计分析-{d.AreaName}-{year}年-{d.Today:yyyyMMdd}.xlsx";
        return new StreamedFileResult(XlsxWriter.ContentType, name, (s, token) => XlsxWriter.WriteAsync(s, sheets, token));
    }

    private static async IAsyncEnumerable<object?[]> Rows(IEnumerable<object?[]> rows)
    {
        foreach (var r in rows) yield return r;
        await Task.CompletedTask;
    }
}
