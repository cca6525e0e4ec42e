using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Ledger.Transfer;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Evaluations;

/// <summary>
/// 择优推荐: the designating authority's ranked list of its valid bases (rule shown), its reasons per candidate, and the
/// candidates' data as XLSX for the provincial or national application.
/// </summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer))]
public sealed class RecommendationsModel(RecommendationList list, SaveCandidateHandler save, TimeProvider clock) : PageModel, IFormPage
{
    public IReadOnlyList<PolicyVersion> Programmes { get; private set; } = [];
    public PolicyVersion? Programme { get; private set; }
    public IReadOnlyList<CandidateRow> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true), Display(Name = "称号")] public string? ProgrammeId { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "数据年度")] public int? Year { get; set; }
    [BindProperty, Display(Name = "基地")] public Guid? DesignationId { get; set; }
    [BindProperty, Display(Name = "列入推荐名单")] public bool Include { get; set; }
    [BindProperty, Display(Name = "推荐理由")] public string? Reason { get; set; }

    public int Today => ChinaTime.Today(clock).Year;

    public async Task LoadFormAsync(CancellationToken ct)
    {
        Programmes = await list.ProgrammesAsync(User, ct);
        Programme = Programmes.FirstOrDefault(p => p.Id == ProgrammeId) ?? Programmes.FirstOrDefault();
        ProgrammeId = Programme?.Id;
        if (Year is null || Year < Today - 2 || Year > Today) Year = Today - 1;
        if (Programme is not null) Rows = await list.ListAsync(User, Programme, Year.Value, ct);
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadFormAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        await LoadFormAsync(ct);
        if (Programme is null) return NotFound();
        Response.ContentType = XlsxWriter.ContentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"recommendation-{Programme.Id}-{Year}.xlsx\"; filename*=UTF-8''{Uri.EscapeDataString($"择优推荐名单-{Year}.xlsx")}";
        await RecommendationList.WriteXlsxAsync(Response.Body, Programme, Year!.Value, Rows, ct);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadFormAsync(ct);
        if (DesignationId is null || Programme is null)
        {
            ModelState.AddModelError("DesignationId", "请选择要推荐的基地。");
            return Page();
        }
        var result = await save.HandleAsync(new SaveCandidateCommand(User, ProgrammeId, Year!.Value, DesignationId.Value, Include, Reason), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = Include ? "已列入推荐名单。" : "已移出推荐名单。";
        return Redirect($"/Evaluations/Recommendations?programmeId={Uri.EscapeDataString(ProgrammeId!)}&year={Year}");
    }
}
