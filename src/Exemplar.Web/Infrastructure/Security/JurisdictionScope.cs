using System.Security.Claims;
using Exemplar.Web.Features.Jurisdictions;

namespace Exemplar.Web.Infrastructure.Security;

/// <summary>
/// What the signed-in user may see: officers and experts see their jurisdiction's subtree (a 五华区 officer
/// sees 五华区, never 盘龙区); applicants see only their own organisation; administrators see everything.
/// Queries filter with <see cref="CoveredCodes"/>; single records are checked with <see cref="Covers"/>.
/// </summary>
public sealed class JurisdictionScope
{
    private readonly HashSet<string> _covered;

    private JurisdictionScope(bool all, IReadOnlyCollection<string> covered, Guid? organizationId)
    {
        All = all;
        _covered = [.. covered];
        OrganizationId = organizationId;
    }

    public bool All { get; }
    public Guid? OrganizationId { get; }
    public IReadOnlyCollection<string> CoveredCodes => _covered;

    public bool Covers(string? jurisdictionCode) => All || (jurisdictionCode is not null && _covered.Contains(jurisdictionCode));

    public static JurisdictionScope For(ClaimsPrincipal user, JurisdictionTree tree)
    {
        var role = user.Role();
        if (role == Role.Administrator) return new JurisdictionScope(true, [], null);
        var code = user.JurisdictionCode();
        if (role is null || code is null) return new JurisdictionScope(false, [], null);
        return new JurisdictionScope(false, tree.SubtreeCodes(code), user.OrganizationId());
    }
}
