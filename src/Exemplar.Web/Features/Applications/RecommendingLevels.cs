using Exemplar.Domain.Policies;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// Which officers recommend a programme's applications, read from the policy file's structured
/// <c>procedure.recommendation.levels</c> (each authority names the officer roles that act for it); none (北京办法:
/// applications go straight to the city) → nobody, and the designating authority receives them directly.
/// </summary>
public static class RecommendingLevels
{
    public static IReadOnlyList<Role> Of(PolicyVersion policy) =>
        policy.Procedure.Recommendation.Levels.SelectMany(l => l.Roles)
            .Select(r => Enum.TryParse<Role>(r, out var role) ? role : (Role?)null).OfType<Role>()
            .Distinct().ToList();

    /// <summary>True where the programme names no recommending level, so the designating authority receives applications as submitted.</summary>
    public static bool GoesStraightToDesignating(PolicyVersion policy) => !policy.Procedure.Recommendation.Required;
}
