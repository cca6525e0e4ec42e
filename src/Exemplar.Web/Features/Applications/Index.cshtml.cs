using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Ledger.Transfer;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// Applicants: their organisation's applications. Officers: the applications their role in each call's procedure lets
/// them see, filtered by call, status, county, verdict and completeness, sorted, paged and exported to XLSX.
/// </summary>
[Authorize(Roles = Carriers.LedgerRoles.Viewers)]
public sealed class IndexModel(ApplicationListQuery query, JurisdictionTreeCache trees, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Call { get; set; }
    [BindProperty(SupportsGet = true)] public ApplicationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? County { get; set; }
    [BindProperty(SupportsGet = true)] public Verdict? Verdict { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Complete { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PageOf<ApplicationRow> Rows { get; private set; } = new([], 0, 1, ApplicationListQuery.PageSize);
    public IReadOnlyList<(Call Call, bool Content)> Calls { get; private set; } = [];
    public IReadOnlyList<Jurisdiction> Counties { get; private set; } = [];

    private ApplicationFilter Filter => new(Call, Status, County, Verdict, Complete, Q, Sort, PageNumber);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rows = await query.PageAsync(User, Filter, ct);
        Calls = await query.CallsAsync(User, ct);
        var tree = await trees.GetAsync(ct);
        var scope = JurisdictionScope.For(User, tree);
        Counties = User.Role() == Role.Applicant ? [] : tree.All.Where(j => j.Kind is JurisdictionKind.County or JurisdictionKind.DevelopmentZone && scope.Covers(j.Code))
            .OrderBy(j => j.Code, StringComparer.Ordinal).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = query.AllAsync(User, Filter with { Page = 1 }, ct).Select(r => new object?[]
        {
            r.ReceiptNumber, r.CallTitle, r.CarrierName, r.Operator, r.JurisdictionName, ApplicationLabels.Of(r.Status), r.Version,
            r.ContentVisible ? r.Verdict?.ToChinese() : null, r.ContentVisible && r.SubmittedAt is not null ? (r.MaterialsComplete ? "齐全" : "不全") : null,
            r.SubmittedAt is { } t ? Infrastructure.ChinaTime.Format(t) : null,
        });
        var sheet = new XlsxSheet("申报列表", ["受理编号", "申报批次", "基地（平台）", "运营单位", "所在地", "状态", "版本", "条件核对结论", "必交材料", "最近提交时间"], rows);
        var name = $"申报列表-{Infrastructure.ChinaTime.Today(clock):yyyyMMdd}.xlsx";
        return new StreamedFileResult(XlsxWriter.ContentType, name, (stream, token) => XlsxWriter.WriteAsync(stream, [sheet], token));
    }

    public string Link(int page) => Paging.Link("/Applications", [new("Call", Call?.ToString()), new("Status", Status?.ToString()), new("County", County),
        new("Verdict", Verdict?.ToString()), new("Complete", Complete?.ToString()), new("Q", Q), new("Sort", Sort), new("p", page.ToString())]);

    public string ExportLink => Link(1).Replace("/Applications?", "/Applications/Export?").Replace("/Applications&", "/Applications/Export?");
}
