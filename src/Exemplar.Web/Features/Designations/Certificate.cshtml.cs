using Exemplar.Domain.Designations;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.Documents;
using Exemplar.Web.Features.Documents.Certificates;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Requests;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Designations;

/// <summary>A designation's certificate: GET prints it (DOCX with the signed QR code), POST issues it when there is none.</summary>
[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
[DesignationScope]
public sealed class CertificateModel(ExemplarDbContext db, DesignationScope scope, CertificateIssuer issuer, ProgrammePolicies policies,
    DocumentGenerator documents, PublicUrls urls) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var d = await db.Set<Designation>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var carrier = d is null ? null : await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == d.CarrierId, ct);
        if (d is null || carrier is null || !await scope.CoversAsync(User, d.ProgrammeId, carrier.JurisdictionCode, ct)) return NotFound();
        var certificate = await db.Set<IssuedCertificate>().AsNoTracking().FirstOrDefaultAsync(c => c.DesignationId == id, ct);
        if (certificate is null) return NotFound();
        var policy = policies.VersionsOf(d.ProgrammeId).FirstOrDefault(v => v.Version == d.PolicyVersion) ?? policies.VersionsOf(d.ProgrammeId).First();
        var operatorName = await db.Set<Organization>().Where(o => o.Id == carrier.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        var doc = documents.Certificate(new CertificateData
        {
            Number = certificate.Number, DesignationTitle = DesignationTitle.Of(policy.Title), BaseName = carrier.Name, OperatorName = operatorName,
            ValidFrom = d.ValidFrom, ValidUntil = d.ValidUntil, IssuerName = policy.Issuer, IssuedOn = certificate.IssuedOn,
            QrPayload = CertificateVerification.QrUrl(urls, certificate),
        });
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
