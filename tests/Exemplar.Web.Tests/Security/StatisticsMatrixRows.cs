using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

/// <summary>
/// Issue 14: resident enterprises confirm their services through their survey link (anonymous, by token); the base and the
/// officers in scope read the confirmations; the authority's statistics dashboard is for officers (each sees its own
/// area — scoping is tested in StatisticsDashboardTests) and administrators, never for bases or experts.
/// </summary>
public sealed class StatisticsMatrixRows : IMatrixRows
{
    private static (string, string) NoSuchToken => ("/Survey/no-such-token/Services", "/Survey/no-such-token/Services");

    private static MatrixRow Officers(string method, string route, string? url = null) =>
        new(method, route, Deny, Deny, Allow, Allow, Allow, Allow, Deny, Allow, url is null ? null : (_, _) => Task.FromResult((url, url)));

    public IEnumerable<MatrixRow> Rows =>
    [
        // An unknown token gets the Chinese "link invalid" page (404), which is not a denial.
        MatrixRow.Public("GET", "/Survey/{token}/Services") with { Sample = (_, _) => Task.FromResult(NoSuchToken) },
        MatrixRow.Public("POST", "/Survey/{token}/Services") with { Sample = (_, _) => Task.FromResult(NoSuchToken) },
        new("GET", "/Base/{id:guid}/Confirmations/{year:int}", Deny, Own, Own, Own, Own, Own, Deny, Allow, (s, u) => LedgerMatrixRows.SampleAsync(s, u, "{c}/Confirmations/2025")),
        // Read-only for everyone: a post on a carrier page is for its operator only (and this page has no form).
        new("POST", "/Base/{id:guid}/Confirmations/{year:int}", Deny, Own, Deny, Deny, Deny, Deny, Deny, Deny, (s, u) => LedgerMatrixRows.SampleAsync(s, u, "{c}/Confirmations/2025")),
        Officers("GET", "/Statistics"),
        Officers("POST", "/Statistics"),
        Officers("GET", "/Statistics/Services", "/Statistics/Services?year=2025&function=InformationService"),
        Officers("POST", "/Statistics/Services", "/Statistics/Services?year=2025&function=InformationService"),
        Officers("GET", "/Statistics/Export", "/Statistics/Export?year=2025"),
        Officers("POST", "/Statistics/Export", "/Statistics/Export?year=2025"),
    ];
}
