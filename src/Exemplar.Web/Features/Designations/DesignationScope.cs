using System.Security.Claims;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.Designations;

/// <summary>
/// Who keeps which designations: administrators all; a designating officer those of the programmes whose region lies in
/// his jurisdiction, for carriers in that region.
/// </summary>
public sealed class DesignationScope(ProgrammePolicies policies, JurisdictionTreeCache trees)
{
    public static bool MayMaintain(ClaimsPrincipal user) => user.Role() is Role.Administrator or Role.DesignatingOfficer;

    /// <summary>The latest version of each programme this user designates for, with its region code.</summary>
    public async Task<IReadOnlyList<(PolicyVersion Policy, string Region)>> ProgrammesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!MayMaintain(user)) return [];
        var tree = await trees.GetAsync(ct);
        var scope = JurisdictionScope.For(user, tree);
        return [.. policies.All.GroupBy(p => p.Id)
            .Select(g => g.OrderByDescending(p => p.EffectiveFrom ?? DateOnly.MinValue).First())
            .Select(p => (Policy: p, Region: ProgrammePolicies.RegionOf(p, tree)))
            .Where(x => x.Region is not null && scope.Covers(x.Region))
            .Select(x => (x.Policy, x.Region!))
            .OrderBy(x => x.Item2, StringComparer.Ordinal).ThenBy(x => x.Policy.Id, StringComparer.Ordinal)];
    }

    /// <summary>True when the user keeps designations of this programme for a carrier in this jurisdiction.</summary>
    public async Task<bool> CoversAsync(ClaimsPrincipal user, string programmeId, string carrierJurisdiction, CancellationToken ct)
    {
        var tree = await trees.GetAsync(ct);
        var programme = (await ProgrammesAsync(user, ct)).FirstOrDefault(p => p.Policy.Id == programmeId);
        return programme.Policy is not null && tree.SubtreeCodes(programme.Region).Contains(carrierJurisdiction)
            && JurisdictionScope.For(user, tree).Covers(carrierJurisdiction);
    }
}
