using System.Security.Claims;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.Statistics;

/// <summary>
/// The area a dashboard covers: an officer's jurisdiction subtree (a 五华区 officer never sees 盘龙区), everything for an
/// administrator. Figures are grouped by the areas one level below the officer's own (a city officer sees its districts).
/// </summary>
public sealed record StatisticsScope(JurisdictionTree Tree, JurisdictionScope Jurisdiction, string? Root)
{
    /// <summary>Designating and local officers, and administrators (who see all). Bases and experts never.</summary>
    public const string Roles = nameof(Role.CountyOfficer) + "," + nameof(Role.PrefectureOfficer) + "," + nameof(Role.ZoneOfficer) + ","
        + nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator);

    public static StatisticsScope For(ClaimsPrincipal user, JurisdictionTree tree) =>
        new(tree, JurisdictionScope.For(user, tree), user.Role() == Role.Administrator ? null : user.JurisdictionCode());

    public bool All => Jurisdiction.All;
    public string[] Codes => [.. Jurisdiction.CoveredCodes];
    public string AreaName => Root is null ? "全部地区" : Tree.FullName(Root);

    /// <summary>The area one level below the officer's own that holds <paramref name="code"/> (the code itself at that level or above).</summary>
    public string GroupOf(string code)
    {
        if (code == Root) return code;
        var j = Tree.Find(code);
        while (j is { ParentCode: { } parent } && parent != Root && Tree.Find(parent) is { } p) j = p;
        return j?.Code ?? code;
    }

    public string NameOf(string code) => Tree.Find(code)?.Name ?? code;
}
