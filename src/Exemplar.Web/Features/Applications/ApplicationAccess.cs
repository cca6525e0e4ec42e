using System.Security.Claims;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// Who sees an application: its drafts only the applicant organisation; once submitted, also the recommending level the
/// programme names for the carrier's jurisdiction (content), and the designating authority of the call's region (its
/// status — and its content where the programme has no recommending level); administrators read submitted ones; a
/// level with no role in the procedure, and experts, see nothing.
/// </summary>
public sealed record ApplicationAccess(bool CanSee, bool CanSeeContent, bool IsApplicant, bool IsRecommender, bool IsDesignating)
{
    public static readonly ApplicationAccess None = new(false, false, false, false, false);

    public static ApplicationAccess For(ClaimsPrincipal user, Application a, string callJurisdiction, PolicyVersion policy, JurisdictionTree tree)
    {
        var role = user.Role();
        if (role == Role.Applicant)
            return user.OrganizationId() == a.OrganizationId ? new(true, true, true, false, false) : None;
        var submitted = a.FirstSubmittedAt is not null;
        if (!submitted || role is null) return None;
        if (role == Role.Administrator) return new(true, true, false, false, false);
        var scope = JurisdictionScope.For(user, tree);
        if (!scope.Covers(a.JurisdictionCode)) return None;
        if (RecommendingLevels.Of(policy).Contains(role.Value)) return new(true, true, false, true, false);
        if (role == Role.DesignatingOfficer && scope.Covers(callJurisdiction))
            // The content reaches the city once a lower level has recommended it (推荐 → 认定机关).
            return new(true, RecommendingLevels.GoesStraightToDesignating(policy) || a.Status == ApplicationStatus.Recommended, false, false, true);
        return None;
    }
}
