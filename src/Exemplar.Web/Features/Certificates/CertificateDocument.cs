using Exemplar.Domain.Designations;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Documents;
using Exemplar.Web.Features.Documents.Certificates;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Certificates;

/// <summary>The printable certificate (DOCX with the signed QR code) of a designation that has one; null when it has none.</summary>
public sealed class CertificateDocument(ExemplarDbContext db, ProgrammePolicies policies, DocumentGenerator documents, PublicUrls urls)
{
    public async Task<GeneratedDocument?> ForAsync(Designation d, Carrier carrier, CancellationToken ct)
    {
        var certificate = await db.Set<IssuedCertificate>().AsNoTracking().FirstOrDefaultAsync(c => c.DesignationId == d.Id && c.SupersededOn == null, ct);
        if (certificate is null) return null;
        var policy = policies.VersionsOf(d.ProgrammeId).FirstOrDefault(v => v.Version == d.PolicyVersion) ?? policies.VersionsOf(d.ProgrammeId).First();
        var operatorName = await db.Set<Organization>().Where(o => o.Id == carrier.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        return documents.Certificate(new CertificateData
        {
            Number = certificate.Number, DesignationTitle = DesignationTitle.Of(policy.Title), BaseName = carrier.Name, OperatorName = operatorName,
            ValidFrom = d.ValidFrom, ValidUntil = d.ValidUntil, IssuerName = policy.Issuer, IssuedOn = certificate.IssuedOn,
            QrPayload = CertificateVerification.QrUrl(urls, certificate),
        });
    }
}
