using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Documents;
using Exemplar.Web.Features.Documents.Building;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Recommendations;

/// <summary>
/// 推荐（初审）: the recommending officer's queue, or the designating authority's list of what was recommended to it;
/// for a level that fills a 推荐汇总表 (昆明第十条 附件2), the download of its signed recommendations per call.
/// </summary>
[Authorize(Roles = Roles)]
public sealed class IndexModel(RecommendationListQuery query, RecommendationSummary summary, DocumentGenerator documents, TimeProvider clock) : PageModel
{
    public const string Roles = "CountyOfficer,PrefectureOfficer,ZoneOfficer,DesignatingOfficer";
    public IReadOnlyList<RecommendationRow> Rows { get; private set; } = [];
    public IReadOnlyList<(Guid CallId, string Title)> SummaryCalls { get; private set; } = [];
    public bool Designating => User.Role() == Role.DesignatingOfficer;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await query.ListAsync(User, ct);
        if (!Designating) SummaryCalls = await summary.CallsAsync(User, Rows, ct);
    }

    /// <summary>?handler=Export — the list as shown, as XLSX (frozen header, widths from content, formula characters neutralised).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await query.ListAsync(User, ct);
        var today = ChinaTime.Today(clock);
        var list = new XlsxList("推荐（初审）",
            [new("受理编号"), new("基地（平台）"), new("所在地"), new("申报批次"), new("状态"), new("满意度抽查") { MaxWidth = 40 }, new("推荐意见") { MaxWidth = 40 }, new("签署人"), new("签署时间")],
            [.. rows.Select(r => (IReadOnlyList<object?>)[r.Application.ReceiptNumber, r.Application.CarrierName, r.Application.JurisdictionName, r.Application.CallTitle,
                ApplicationLabels.Of(r.Application.Status),
                r.SampleSize is { } n ? $"抽取{n}/{r.SamplePopulation}家，已答复{r.Answered}家，满意{r.Satisfied}家" + (r.Unreachable > 0 ? $"，无法联系{r.Unreachable}家" : "") : null,
                r.Worksheet?.Opinion, r.Worksheet?.SignedByName, r.Worksheet?.SignedAt is { } t ? ChinaTime.Format(t) : null])])
        {
            Title = Designating ? "下级主管部门已签署的推荐（初审）意见" : "本辖区推荐（初审）工作清单",
            Footer = [$"导出日期：{ChinaTime.Format(today)}"],
            Info = new DocInfo("推荐（初审）", today),
        };
        var doc = documents.List($"推荐初审清单-{today:yyyyMMdd}", list);
        return File(doc.Bytes, doc.ContentType, doc.FileName);
    }

    /// <summary>?handler=Summary&amp;call=…&amp;format=docx|xlsx — 404 where the officer's level fills no summary for that call.</summary>
    public async Task<IActionResult> OnGetSummaryAsync(Guid call, string? format, CancellationToken ct)
    {
        if (Designating) return NotFound();
        var doc = await summary.RenderAsync(User, call, format ?? "docx", ct);
        return doc is null ? NotFound() : File(doc.Bytes, doc.ContentType, doc.FileName);
    }
}
