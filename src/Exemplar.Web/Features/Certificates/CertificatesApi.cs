using Exemplar.Domain.Designations;
using Exemplar.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Certificates;

/// <summary>
/// 证书核验 as JSON: the same check as the verification page (<see cref="CertificateVerification"/>), for anyone, never
/// cached (a revocation or a reissue must read as such at once). The QR code's <c>p</c> and <c>s</c> may be passed on to
/// check a printed certificate's signed content too. No personal names or telephone numbers.
/// </summary>
public static class CertificatesApi
{
    public sealed record CertificateCheckDto(
        string Number, string Outcome, bool SignatureValid, string? Status, string? StatusLabel, string? BaseName, string? RegionName,
        string? ProgrammeId, string? Title, string? AnnouncementNumber, DateOnly? AnnouncedOn, DateOnly? ValidFrom, DateOnly? ValidUntil,
        string? Validity, DateOnly? RevokedOn, DateOnly? IssuedOn, string? ReissueKind, DateOnly? SupersededOn, string? ReplacedBy,
        string Algorithm, string AlgorithmLabel, string KeyId, string KeyUrl, string? OfflineCheck, string Url);

    public static void MapCertificatesApi(this RouteGroupBuilder api) =>
        api.MapGet("/certificates/{number}", CheckAsync).WithTags("证书核验")
            .WithSummary("按证书编号核验证书：签名、当前状态（valid 有效、expired 已期满、revoked 已撤销、rereview 复核中、superseded 已换发或补发而作废）、基地、称号、有效期和签名算法；可附二维码中的 p、s 参数一并核验");

    private static async Task<Results<Ok<CertificateCheckDto>, ProblemHttpResult>> CheckAsync(
        string number, [FromQuery] string? p, [FromQuery] string? s, HttpContext http, CertificateVerification verification, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store, max-age=0";
        http.Response.Headers.Pragma = "no-cache";
        var c = await verification.CheckAsync(number, p, s, ct);
        if (c.Outcome == VerificationOutcome.Unknown || c.Certificate is not { } cert)
            return TypedResults.Problem(statusCode: 404, title: "未找到该证书",
                detail: $"本系统没有颁发过证书编号为“{c.Number}”的证书。请核对编号；如果证书上印有此编号，请向证书上的颁发机关核实。");
        var algorithm = SignatureAlgorithms.Find(cert.Algorithm);
        var keyUrl = $"/Verify/Keys/{cert.KeyId}.pem";
        var url = $"/Verify/{Uri.EscapeDataString(c.Number)}";
        if (c.Outcome == VerificationOutcome.Tampered)
            return TypedResults.Ok(new CertificateCheckDto(c.Number, "tampered", false, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, cert.Algorithm, SignatureAlgorithms.Label(cert.Algorithm), cert.KeyId, keyUrl, null, url));
        var d = c.Designation!;
        return TypedResults.Ok(new CertificateCheckDto(c.Number, c.Outcome == VerificationOutcome.Superseded ? "superseded" : "genuine", true,
            c.StatusKey, c.StatusLabel, c.BaseName, c.RegionName, d.ProgrammeId, c.Title, d.AnnouncementNumber, d.AnnouncedOn, d.ValidFrom, d.ValidUntil,
            DesignationTerm.Describe(d.ValidFrom, d.ValidUntil, ChinaTime.Format), d.RevokedOn, cert.IssuedOn,
            cert.ReissueKind is { } k ? ReissueCertificateHandler.Verb(k) : null, cert.SupersededOn, c.Replacement?.Number,
            cert.Algorithm, SignatureAlgorithms.Label(cert.Algorithm), cert.KeyId, keyUrl, algorithm?.OpenSslCommand(cert.KeyId + ".pem"), url));
    }
}
