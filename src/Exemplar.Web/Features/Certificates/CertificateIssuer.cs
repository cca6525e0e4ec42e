using System.Security.Claims;
using Exemplar.Domain.Designations;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Certificates;

public sealed record IssueCertificateCommand(Guid DesignationId, ClaimsPrincipal User);

/// <summary>
/// Issues a designation's certificate: a unique number (the one given, or <c>ZS2026-000001</c> drawn from a sequence),
/// the canonical payload signed once, now, and stored with its signature. A designation has one current certificate; a
/// reissue (<see cref="ReissueCertificateHandler"/>) signs a new one and voids the old.
/// </summary>
public sealed class CertificateIssuer(ExemplarDbContext db, CertificateSigner signer, ProgrammePolicies policies, DesignationScope scope, TimeProvider clock)
{
    /// <summary>The page and API use case: issue the certificate of a designation that has none.</summary>
    public async Task<SaveResult> HandleAsync(IssueCertificateCommand c, CancellationToken ct)
    {
        var d = await db.Set<Designation>().FirstOrDefaultAsync(x => x.Id == c.DesignationId, ct);
        var carrier = d is null ? null : await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == d.CarrierId, ct);
        if (d is null || carrier is null || !await scope.CoversAsync(c.User, d.ProgrammeId, carrier.JurisdictionCode, ct)) return SaveResult.NotFound;
        var p = new Problems();
        if (await db.Set<IssuedCertificate>().AnyAsync(x => x.DesignationId == d.Id, ct)) p.Add("", "该认定已颁发证书。");
        else if (!DesignationStatuses.Stands(DesignationStatuses.On(ChinaTime.Today(clock), d.ValidUntil, d.RevokedOn, d.ReReviewApplicationId is not null))) p.Add("", "该认定已期满或已撤销，不能颁发证书。");
        if (p.Any) return p.Result();
        await IssueAsync(d, null, ct);
        return SaveResult.Saved(d.Id);
    }

    public async Task<IssuedCertificate> IssueAsync(Designation d, string? number, CancellationToken ct)
    {
        var certificate = await SignAsync(d, number, null, ct);
        db.Add(certificate);
        db.Actor.Operation = "证书.颁发";
        await db.SaveChangesAsync(ct);
        return certificate;
    }

    /// <summary>Why a certificate is signed in place of another (换发/补发).</summary>
    public sealed record Reissue(Guid ReplacesId, CertificateReissueKind Kind, string? Reason, Guid? ChangeFilingId);

    /// <summary>
    /// A new certificate of the designation, signed now with the current key: the number given or the next of the
    /// sequence, the base's registered name, the designation's validity. Not yet added to the context.
    /// </summary>
    public async Task<IssuedCertificate> SignAsync(Designation d, string? number, Reissue? reissue, CancellationToken ct)
    {
        var carrier = await db.Set<Carrier>().AsNoTracking().SingleAsync(x => x.Id == d.CarrierId, ct);
        var policy = policies.VersionsOf(d.ProgrammeId).FirstOrDefault(v => v.Version == d.PolicyVersion) ?? policies.VersionsOf(d.ProgrammeId).First();
        var today = ChinaTime.Today(clock);
        number ??= await NextNumberAsync(today.Year, ct);
        var key = await signer.CurrentKeyAsync(ct);
        var payload = new CertificatePayload(number, DesignationTitle.Of(policy.Title), carrier.Name, d.ProgrammeId, d.AnnouncementNumber,
            d.ValidFrom, d.ValidUntil, today, key.Id).Canonical();
        return new IssuedCertificate
        {
            Number = number, DesignationId = d.Id, IssuedOn = today, Payload = payload, Signature = signer.Sign(key, payload),
            Algorithm = key.Algorithm, KeyId = key.Id, CreatedAt = clock.GetUtcNow(),
            ReplacesId = reissue?.ReplacesId, ReissueKind = reissue?.Kind, ReissueReason = reissue?.Reason, ChangeFilingId = reissue?.ChangeFilingId,
        };
    }

    private async Task<string> NextNumberAsync(int year, CancellationToken ct)
    {
        while (true)
        {
            var n = await db.Database.SqlQueryRaw<long>("SELECT nextval('certificate_number_seq') AS \"Value\"").SingleAsync(ct);
            var number = $"ZS{year}-{n:D6}";
            if (!await db.Set<IssuedCertificate>().AnyAsync(x => x.Number == number, ct)) return number;
        }
    }
}
