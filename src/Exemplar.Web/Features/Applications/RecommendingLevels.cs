using Exemplar.Domain.Policies;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// Which officers recommend a programme's applications, read from the policy file's <c>procedure.recommenders</c>:
/// 县（市）区 → county officers, 开发（度假）区 / 园区管委会 → zone officers, 地（市） → prefecture officers; none
/// (北京办法: applications go straight to the city) → nobody, and the designating authority receives them directly.
/// </summary>
public static class RecommendingLevels
{
    public static IReadOnlyList<Role> Of(PolicyVersion policy)
    {
        var roles = new List<Role>();
        foreach (var r in policy.Procedure.Recommenders)
        {
            if (r.Contains("无推荐", StringComparison.Ordinal)) continue;
            if (r.Contains("地（市）", StringComparison.Ordinal) || r.Contains("地市", StringComparison.Ordinal)) roles.Add(Role.PrefectureOfficer);
            else if (r.Contains("开发", StringComparison.Ordinal) || r.Contains("园区", StringComparison.Ordinal)) roles.Add(Role.ZoneOfficer);
            else if (r.Contains('县', StringComparison.Ordinal)) roles.Add(Role.CountyOfficer);
        }
        return roles.Distinct().ToList();
    }

    /// <summary>True where the programme names no recommending level, so the designating authority receives applications as submitted.</summary>
    public static bool GoesStraightToDesignating(PolicyVersion policy) => Of(policy).Count == 0;
}
