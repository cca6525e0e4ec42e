using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

/// <summary>
/// Site inspection (现场核查, issue 12): like the review pages it follows — the designating authority that issued the call
/// (administrators read; their posts are refused in the handler); a Liaocheng call is outside the Kunming city's reach (404).
/// </summary>
public sealed class SiteInspectionsMatrixRows : IMatrixRows
{
    private const string List = "/Reviews/Calls/{callId:guid}/SiteInspections";
    private const string Record = "/Reviews/Calls/{callId:guid}/SiteInspections/{applicationId:guid}/{handler?}";

    public IEnumerable<MatrixRow> Rows =>
    [
        new("GET", List, Deny, Deny, Deny, Deny, Deny, Own, Deny, Allow, (s, u) => ReviewsMatrixRows.CallUrlsAsync(s, "/SiteInspections")),
        new("POST", List, Deny, Deny, Deny, Deny, Deny, Own, Deny, Allow, (s, u) => ReviewsMatrixRows.CallUrlsAsync(s, "/SiteInspections")),
        new("GET", Record, Deny, Deny, Deny, Deny, Deny, Own, Deny, Allow, RecordAsync),
        new("POST", Record, Deny, Deny, Deny, Deny, Deny, Own, Deny, Allow, RecordAsync),
    ];

    private static async Task<(string, string)> RecordAsync(IServiceProvider services, string _)
    {
        var (own, other) = await ReviewsMatrixRows.CallUrlsAsync(services, "/SiteInspections");
        var app = await ReviewsMatrixRows.ShortlistableApplicationAsync(services);
        return ($"{own}/{app}", $"{other}/{app}");
    }
}
