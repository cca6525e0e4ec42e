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
public sealed class IndexModel(RecommendationListQuery query, RecommendationSummary summary) : PageModel
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

    /// <summary>?handler=Summary&amp;call=…&amp;format=docx|xlsx — 404 where the officer's level fills no summary for that call.</summary>
    public async Task<IActionResult> OnGetSummaryAsync(Guid call, string? format, CancellationToken ct)
    {
        if (Designating) return NotFound();
        var doc = await summary.RenderAsync(User, call, format ?? "docx", ct);
        return doc is null ? NotFound() : File(doc.Bytes, doc.ContentType, doc.FileName);
    }
}
