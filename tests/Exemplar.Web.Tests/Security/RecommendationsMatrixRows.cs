using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

/// <summary>
/// Recommendation (推荐 / 初审, issue 12): the level the policy names for the carrier's jurisdiction works on the
/// worksheet; the city reads it only once signed (the sample applications are submitted, not yet recommended, so the
/// city is refused here); the applicant, experts and administrators do not open it.
/// </summary>
public sealed class RecommendationsMatrixRows : IMatrixRows
{
    private const string W = "/Applications/{id:guid}/Recommendation/{handler?}";

    public IEnumerable<MatrixRow> Rows =>
    [
        new("GET", "/Recommendations", Deny, Deny, Allow, Allow, Allow, Allow, Deny, Deny),
        new("POST", "/Recommendations", Deny, Deny, Allow, Allow, Allow, Allow, Deny, Deny),
        new("GET", W, Deny, Deny, Own, Own, Own, Deny, Deny, Deny, (s, u) => ApplicationsMatrixRows.Apps(s, u, "/Recommendation")),
        new("POST", W, Deny, Deny, Own, Own, Own, Deny, Deny, Deny, (s, u) => ApplicationsMatrixRows.Apps(s, u, "/Recommendation")),
    ];
}
