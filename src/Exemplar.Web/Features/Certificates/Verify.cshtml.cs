using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Certificates;

/// <summary>
/// 证书核验, for anyone: the page a certificate's QR code opens, or a number typed in. Never cached (no-store): a
/// revocation must read as such the moment it is recorded.
/// </summary>
public sealed class VerifyModel(CertificateVerification verification) : PageModel
{
    public CertificateCheck? Check { get; private set; }
    [FromQuery(Name = "q")] public string? Typed { get; set; }

    public async Task<IActionResult> OnGetAsync(string? number, [FromQuery(Name = "p")] string? payload, [FromQuery(Name = "s")] string? signature, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store, max-age=0";
        Response.Headers.Pragma = "no-cache";
        if (number is null)
        {
            if (!string.IsNullOrWhiteSpace(Typed)) return Redirect("/Verify/" + Uri.EscapeDataString(Typed.Trim()));
            return Page();
        }
        Check = await verification.CheckAsync(number, payload, signature, ct);
        if (Check.Outcome == VerificationOutcome.Unknown) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
