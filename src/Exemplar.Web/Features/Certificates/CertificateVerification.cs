using Exemplar.Domain.Designations;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Certificates;

public enum VerificationOutcome
{
    /// <summary>No certificate has this number.</summary>
    Unknown,
    /// <summary>The signature does not match the payload (the QR code's, or the stored one): altered or forged.</summary>
    Tampered,
    /// <summary>Signature good; the certificate's standing today is in <see cref="CertificateCheck.Status"/>.</summary>
    Genuine,
    /// <summary>Signature good, but a reissue (换发/补发) voided the certificate on <see cref="IssuedCertificate.SupersededOn"/>.</summary>
    Superseded,
}

public sealed record CertificateCheck(
    VerificationOutcome Outcome, string Number, IssuedCertificate? Certificate = null, Designation? Designation = null, string? BaseName = null,
    string? RegionName = null, string? Title = null, DesignationStatus? Status = null, DateOnly Today = default, IssuedCertificate? Replacement = null)
{
    /// <summary>The reader's word for the standing: 有效 / 已期满 / 已撤销 / 复核中 / 已换发（作废） …; null when not genuine.</summary>
    public string? StatusLabel => Outcome switch
    {
        VerificationOutcome.Superseded => ReissueCertificateHandler.VoidLabel(Replacement?.ReissueKind),
        VerificationOutcome.Genuine => DesignationStatuses.Label(Status!.Value),
        _ => null,
    };

    /// <summary>The machine key of the standing (valid, expired, revoked, rereview, superseded), as the registry and the API name it.</summary>
    public string? StatusKey => Outcome switch
    {
        VerificationOutcome.Superseded => "superseded",
        VerificationOutcome.Genuine => DesignationStatuses.Key(Status!.Value),
        _ => null,
    };
}

/// <summary>
/// Checks a certificate number, and the QR code's signed payload when one is presented, against the stored record and
/// the key that signed it. Today's standing (valid / expired / revoked) is read from the designation, never from the
/// payload: a revocation after issuance shows at once.
/// </summary>
public sealed class CertificateVerification(ExemplarDbContext db, ProgrammePolicies policies, JurisdictionTreeCache trees, TimeProvider clock)
{
    public async Task<CertificateCheck> CheckAsync(string number, string? payloadParam, string? signatureParam, CancellationToken ct)
    {
        number = number.Trim();
        var certificate = number.Length is 0 or > IssuedCertificate.NumberMax ? null
            : await db.Set<IssuedCertificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, ct);
        if (certificate is null) return new(VerificationOutcome.Unknown, number);
        var key = await db.Set<SigningKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == certificate.KeyId, ct);
        var storedGood = key is not null && CertificateSigner.Verify(key, certificate.Payload, certificate.Signature);
        var presented = payloadParam is not null || signatureParam is not null;
        var presentedGood = !presented || (CertificatePayload.Utf8(CertificatePayload.FromBase64Url(payloadParam)) is { } text
            && CertificatePayload.FromBase64Url(signatureParam) is { } signature
            && text == certificate.Payload && key is not null && CertificateSigner.Verify(key, text, signature));
        if (!storedGood || !presentedGood) return new(VerificationOutcome.Tampered, number, certificate);

        var d = await db.Set<Designation>().AsNoTracking().SingleAsync(x => x.Id == certificate.DesignationId, ct);
        var carrier = await db.Set<Carrier>().AsNoTracking().SingleAsync(x => x.Id == d.CarrierId, ct);
        var tree = await trees.GetAsync(ct);
        var policy = policies.VersionsOf(d.ProgrammeId).FirstOrDefault(v => v.Version == d.PolicyVersion) ?? policies.VersionsOf(d.ProgrammeId).FirstOrDefault();
        var today = ChinaTime.Today(clock);
        var replacement = certificate.SupersededById is { } next ? await db.Set<IssuedCertificate>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == next, ct) : null;
        // The name as printed on this certificate: a 换发 follows a name change, and the old certificate names the old one.
        var printedName = CertificatePayload.Fields(certificate.Payload)?.GetValueOrDefault("base") ?? carrier.Name;
        return new(certificate.SupersededOn is null ? VerificationOutcome.Genuine : VerificationOutcome.Superseded, number, certificate, d, printedName,
            tree.FullName(carrier.JurisdictionCode), policy is null ? d.ProgrammeId : DesignationTitle.Of(policy.Title),
            DesignationStatuses.On(today, d.ValidUntil, d.RevokedOn, d.ReReviewApplicationId is not null), today, replacement);
    }

    /// <summary>What the certificate's QR code carries: the verification page with the signed payload and its signature.</summary>
    public static string QrUrl(PublicUrls urls, IssuedCertificate c) =>
        urls.For("/Verify/" + Uri.EscapeDataString(c.Number)) + "?p=" + CertificatePayload.ToBase64Url(System.Text.Encoding.UTF8.GetBytes(c.Payload))
        + "&s=" + CertificatePayload.ToBase64Url(c.Signature);
}
