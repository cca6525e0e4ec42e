using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Certificates;

/// <summary>换发/补发证书: the form says what will happen (new number, old one void today) and needs a confirmation before it is done.</summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
[DesignationScope]
public sealed class ReissueModel(ReissueCertificateHandler handler) : PageModel, IFormPage
{
    public ReissueSubject? Subject { get; private set; }
    [BindProperty] public uint? Version { get; set; }
    [BindProperty, Display(Name = "原因")] public CertificateReissueKind? Kind { get; set; }
    [BindProperty, Display(Name = "名称变更备案")] public Guid? ChangeFilingId { get; set; }
    [BindProperty, Display(Name = "情况说明")] public string? Reason { get; set; }
    [BindProperty, Display(Name = "确认")] public bool Confirmed { get; set; }

    public async Task LoadFormAsync(CancellationToken ct)
    {
        if (Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id) && await handler.LoadAsync(id, User, ct) is { } s) Subject = s;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await handler.LoadAsync(id, User, ct) is not { } s) return NotFound();
        Subject = s;
        Version = s.Current.Version;
        Kind ??= s.NameChanges.Count > 0 && s.RegisteredName != s.NameOnCertificate ? CertificateReissueKind.NameChange : null;
        ChangeFilingId ??= s.NameChanges.FirstOrDefault()?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new ReissueCertificateCommand(id, User, Version, Kind, ChangeFilingId, Reason, Confirmed), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors) foreach (var m in messages) ModelState.AddModelError(field, m);
            if (await handler.LoadAsync(id, User, ct) is not { } s) return NotFound();
            Subject = s;
            return Page();
        }
        TempData["Flash"] = $"已{ReissueCertificateHandler.Verb(Kind)}证书，新证书已签名；原证书即日作废，扫码核验显示{ReissueCertificateHandler.VoidLabel(Kind)}。";
        return Redirect("/Designations");
    }
}
