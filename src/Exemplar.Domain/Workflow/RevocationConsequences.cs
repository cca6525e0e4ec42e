using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Workflow;

/// <summary>What a revocation on some grounds brings with it, read from the policy only.</summary>
/// <param name="Citation">The grounds' articles, joined (第十五条第（一）项、第十五条第（三）项).</param>
/// <param name="PlaqueRecall">A ground's consequence recalls the plaque (昆明第十八条 收回已颁发的牌匾).</param>
/// <param name="Ban">The longest ban that names one of the grounds (北京第十五条: 两年内不得再次申请), if any.</param>
/// <param name="BannedUntil">The ban's last day: its years counted from the revocation day (not counted), per the policy's rounding rule.</param>
public sealed record RevocationConsequences(IReadOnlyList<RevocationGround> Grounds, string Citation, bool PlaqueRecall, ReapplicationBan? Ban,
    DateOnly? BannedUntil)
{
    /// <summary>Null when a ground id is not one of the policy's.</summary>
    public static RevocationConsequences? For(PolicyVersion policy, IEnumerable<string> groundIds, DateOnly revokedOn)
    {
        var m = policy.Management;
        var grounds = new List<RevocationGround>();
        foreach (var id in groundIds.Distinct())
        {
            if (m.Ground(id) is not { } g) return null;
            grounds.Add(g);
        }
        // The policy's order, so the citation reads as the text does.
        grounds = [.. m.RevocationGrounds.Where(grounds.Contains)];
        var ban = grounds.Select(g => m.BanAfter(g.Id)).OfType<ReapplicationBan>().OrderByDescending(b => b.Years).FirstOrDefault();
        return new(grounds, string.Join("、", grounds.Select(g => g.Citation).Distinct()), grounds.Any(g => g.Consequence?.PlaqueRecall == true), ban,
            ban is null ? null : DateArithmetic.AddYears(revokedOn, ban.Years, policy.DateRounding));
    }
}
