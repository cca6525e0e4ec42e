using System.Security.Claims;

namespace Exemplar.Web.Infrastructure.Security;

public static class ExemplarClaims
{
    public const string Jurisdiction = "exemplar:jurisdiction";
    public const string Organization = "exemplar:organization";
    public const string SecurityStamp = "exemplar:stamp";
    /// <summary>The server-side session (user_sessions) this cookie belongs to.</summary>
    public const string Session = "exemplar:session";
    /// <summary>Present when the session was opened with a second factor.</summary>
    public const string TwoFactor = "exemplar:2fa";

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Role? Role(this ClaimsPrincipal user) =>
        Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static Guid? SessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Session), out var id) ? id : null;

    public static string? JurisdictionCode(this ClaimsPrincipal user) => user.FindFirstValue(Jurisdiction);

    public static Guid? OrganizationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Organization), out var id) ? id : null;
}
