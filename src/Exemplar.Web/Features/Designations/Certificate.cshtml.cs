using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Designations;

/// <summary>A designation's certificate: GET prints it (DOCX with the signed QR code), POST issues it when there is none.</summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
[DesignationScope]
public sealed class CertificateModel(ExemplarDbContext db, DesignationScope scope, CertificateIssuer issuer, CertificateDocument certificates) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var d = await db.Set<Designation>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var carrier = d is null ? null : await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == d.CarrierId, ct);
        if (d is null || carrier is null || !await scope.CoversAsync(User, d.ProgrammeId, carrier.JurisdictionCode, ct)) return NotFound();
        if (await certificates.ForAsync(d, carrier, ct) is not { } doc) return NotFound();
        return File(doc.Bytes, doc.ContentType, doc.FileName);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await issuer.HandleAsync(new IssueCertificateCommand(id, User), ct);
        if (result.IsNotFound) return NotFound();
        TempData["Flash"] = result.Ok ? "证书已颁发，证书内容已签名。" : string.Join("", result.Errors.SelectMany(e => e.Value));
        return Redirect("/Designations");
    }
}
