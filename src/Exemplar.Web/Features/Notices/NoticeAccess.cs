using System.Security.Claims;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.Notices;

/// <summary>A notice is run by the designating authority that issued its call; administrators may read it.</summary>
public static class NoticeAccess
{
    public static bool MayRun(ClaimsPrincipal user, string jurisdictionCode) =>
        user.Role() == Role.DesignatingOfficer && user.JurisdictionCode() == jurisdictionCode;

    public static bool MayRead(ClaimsPrincipal user, string jurisdictionCode) =>
        MayRun(user, jurisdictionCode) || user.Role() == Role.Administrator;
}
