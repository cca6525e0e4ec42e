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
        // The list as XLSX (?handler=Export): whoever reads the list.
        new("GET", "/Recommendations", Deny, Deny, Allow, Allow, Allow, Allow, Deny, Deny, (_, _) => Task.FromResult(("/Recommendations?handler=Export", "/Recommendations?handler=Export"))),
        new("GET", W, Deny, Deny, Own, Own, Own, Deny, Deny, Deny, (s, u) => ApplicationsMatrixRows.Apps(s, u, "/Recommendation")),
        new("POST", W, Deny, Deny, Own, Own, Own, Deny, Deny, Deny, (s, u) => ApplicationsMatrixRows.Apps(s, u, "/Recommendation")),
        // 下载推荐表（Word）: authorised like the worksheet (an unsigned or non-Tibet sample sends the reader back to it).
        new("GET", W, Deny, Deny, Own, Own, Own, Deny, Deny, Deny, (s, u) => ApplicationsMatrixRows.Apps(s, u, "/Recommendation/Word")),
    ];
}
