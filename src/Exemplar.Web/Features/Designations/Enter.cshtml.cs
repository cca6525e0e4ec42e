using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Designations;

/// <summary>录入既有认定: one designation made before the product existed, with its certificate number and later change.</summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
public sealed class EnterModel(ExemplarDbContext db, DesignationScope scope, JurisdictionTreeCache trees, EnterDesignationHandler handler) : PageModel, IFormPage
{
    public IReadOnlyList<PolicyVersion> Programmes { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Label)> Carriers { get; private set; } = [];

    [BindProperty, Display(Name = "基地（平台）")] public Guid? CarrierId { get; set; }
    [BindProperty, Display(Name = "认定办法")] public string? ProgrammeId { get; set; }
    [BindProperty, Display(Name = "办法版本")] public string? PolicyVersion { get; set; }
    [BindProperty, Display(Name = "公告文号")] public string? AnnouncementNumber { get; set; }
    [BindProperty, Display(Name = "公告日期")] public DateOnly? AnnouncedOn { get; set; }
    [BindProperty, Display(Name = "有效期至")] public DateOnly? ValidUntil { get; set; }
    [BindProperty, Display(Name = "证书编号")] public string? CertificateNumber { get; set; }
    [BindProperty, Display(Name = "授牌日期")] public DateOnly? PlaqueAwardedOn { get; set; }
    [BindProperty, Display(Name = "撤销日期")] public DateOnly? RevokedOn { get; set; }
    [BindProperty, Display(Name = "撤销依据")] public string? RevocationGround { get; set; }
    [BindProperty, Display(Name = "变更完成日期")] public DateOnly? ChangeCompletedOn { get; set; }
    [BindProperty, Display(Name = "变更事项")] public string? ChangeDescription { get; set; }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        var programmes = await scope.ProgrammesAsync(User, ct);
        Programmes = [.. programmes.Select(p => p.Policy)];
        var tree = await trees.GetAsync(ct);
        var codes = programmes.SelectMany(p => tree.SubtreeCodes(p.Region)).Distinct().ToList();
        var carriers = await db.Set<Carrier>().AsNoTracking().Where(c => codes.Contains(c.JurisdictionCode))
            .OrderBy(c => c.JurisdictionCode).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name, c.JurisdictionCode }).ToListAsync(ct);
        Carriers = [.. carriers.Select(c => (c.Id, $"{c.Name}（{tree.Find(c.JurisdictionCode)?.Name}）"))];
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadFormAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadFormAsync(ct);
        var result = await handler.HandleAsync(new EnterDesignationCommand(new ExistingDesignationInput(CarrierId, ProgrammeId, PolicyVersion, AnnouncementNumber,
            AnnouncedOn, ValidUntil, CertificateNumber, PlaqueAwardedOn, RevokedOn, RevocationGround, ChangeCompletedOn, ChangeDescription), User), ct);
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            return Page();
        }
        TempData["Flash"] = "已录入该认定，并签发了证书记录。";
        return Redirect("/Designations");
    }
}
