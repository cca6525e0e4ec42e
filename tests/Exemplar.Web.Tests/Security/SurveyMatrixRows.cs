using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

/// <summary>Satisfaction survey links, the anonymous survey pages, the authority's sampling and the ledger API (issue 5).</summary>
public sealed class SurveyMatrixRows : IMatrixRows
{
    private const string C = "/Base/{id:guid}";

    public IEnumerable<MatrixRow> Rows =>
    [
        // The operator issues links; officers in scope and administrators read the round.
        new("GET", C + "/Surveys", Deny, Own, Own, Own, Own, Own, Deny, Allow, (s, u) => LedgerMatrixRows.SampleAsync(s, u, "{c}/Surveys")),
        new("POST", C + "/Surveys", Deny, Own, Deny, Deny, Deny, Deny, Deny, Deny, (s, u) => LedgerMatrixRows.SampleAsync(s, u, "{c}/Surveys")),
        // Sampling: the operator's list shows only completed samples' aggregates; officers in scope draw and record.
        new("GET", C + "/Sampling", Deny, Own, Own, Own, Own, Own, Deny, Allow, (s, u) => LedgerMatrixRows.SampleAsync(s, u, "{c}/Sampling")),
        new("POST", C + "/Sampling", Deny, Deny, Own, Own, Own, Own, Deny, Deny, (s, u) => LedgerMatrixRows.SampleAsync(s, u, "{c}/Sampling")),
        new("GET", C + "/Sampling/{sampleId:guid}", Deny, Deny, Own, Own, Own, Own, Deny, Allow, SampleDetailAsync),
        new("POST", C + "/Sampling/{sampleId:guid}", Deny, Deny, Own, Own, Own, Own, Deny, Deny, SampleDetailAsync),
        // Anonymous survey pages: an unknown token gets the Chinese "link invalid" page (404), which is not a denial.
        MatrixRow.Public("GET", "/Survey/{token}") with { Sample = (_, _) => Task.FromResult(("/Survey/no-such-token", "/Survey/no-such-token")) },
        MatrixRow.Public("POST", "/Survey/{token}") with { Sample = (_, _) => Task.FromResult(("/Survey/no-such-token", "/Survey/no-such-token")) },
        MatrixRow.Public("GET", "/Survey/Thanks"),
        MatrixRow.Public("POST", "/Survey/Thanks"),
        // Read-only ledger API, scoped like the pages.
        new("GET", "/api/v1/carriers", Deny, Allow, Allow, Allow, Allow, Allow, Deny, Allow),
        new("GET", "/api/v1/carriers/{id:guid}/metrics/{year:int}", Deny, Own, Own, Own, Own, Own, Deny, Allow, (s, u) => ApiAsync(s, u, "metrics/2025")),
        new("GET", "/api/v1/carriers/{id:guid}/profile/{year:int}", Deny, Own, Own, Own, Own, Own, Deny, Allow, (s, u) => ApiAsync(s, u, "profile/2025")),
    ];

    private static async Task<(string, string)> ApiAsync(IServiceProvider services, string userName, string suffix)
    {
        var (own, other) = await LedgerMatrixRows.SampleAsync(services, userName, "{c}");
        static string Api(string baseUrl, string suffix) => $"/api/v1/carriers/{baseUrl.Split('/')[2]}/{suffix}";
        return (Api(own, suffix), Api(other, suffix));
    }

    /// <summary>A demo sample (seeded on every demo carrier) of the user's own carrier and of the other one.</summary>
    private static async Task<(string, string)> SampleDetailAsync(IServiceProvider services, string userName)
    {
        var (own, other) = await LedgerMatrixRows.SampleAsync(services, userName, "{c}");
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        async Task<string> Url(string carrierUrl)
        {
            var id = Guid.Parse(carrierUrl.Split('/')[2]);
            var sample = await db.Set<SurveySample>().Where(s => s.CarrierId == id).OrderBy(s => s.DrawnAt).Select(s => s.Id).FirstAsync();
            return $"{carrierUrl}/Sampling/{sample}";
        }
        return (await Url(own), await Url(other));
    }
}
