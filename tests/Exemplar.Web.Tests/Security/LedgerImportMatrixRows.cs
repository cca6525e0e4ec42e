using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

/// <summary>Import (templates, upload, job pages) and export of base records and the ledger (issue 5).</summary>
public sealed class LedgerImportMatrixRows : IMatrixRows
{
    private const string C = "/Base/{id:guid}";

    public IEnumerable<MatrixRow> Rows =>
    [
        Write("GET", C + "/Import", "{c}/Import"), Write("POST", C + "/Import", "{c}/Import"),
        // Any job id: the carrier's scope is checked before the job is looked up (an unknown job in one's own carrier is a 404).
        Write("GET", C + "/Import/{jobId:guid}", "{c}/Import/0190a000-0000-7000-8000-000000000001"),
        Write("POST", C + "/Import/{jobId:guid}", "{c}/Import/0190a000-0000-7000-8000-000000000001"),
        Write("GET", C + "/Import/Template/{kind}/{format}", "{c}/Import/Template/ledger/csv"),
        Write("POST", C + "/Import/Template/{kind}/{format}", "{c}/Import/Template/ledger/csv"),
        // Exports: whoever may read the carrier may export what they read.
        Read("GET", C + "/Export", "{c}/Export?list=ledger&format=csv"), Write("POST", C + "/Export", "{c}/Export"),
        // The import API: the carrier's operator only (other carriers 403; other roles refused by the Applicant policy).
        Api("POST", "/api/v1/carriers/{id:guid}/imports/{kind}", "/imports/ledger"),
        Api("GET", "/api/v1/carriers/{id:guid}/imports/{kind}/{jobId:guid}", "/imports/ledger/0190a000-0000-7000-8000-000000000001"),
    ];

    private static MatrixRow Api(string method, string route, string suffix) =>
        new(method, route, Deny, Own, Deny, Deny, Deny, Deny, Deny, Deny, async (s, u) =>
        {
            var (own, other) = await LedgerMatrixRows.SampleAsync(s, u, "{c}");
            return (own.Replace("/Base/", "/api/v1/carriers/") + suffix, other.Replace("/Base/", "/api/v1/carriers/") + suffix);
        });

    private static MatrixRow Read(string method, string route, string sample) =>
        new(method, route, Deny, Own, Own, Own, Own, Own, Deny, Allow, (s, u) => LedgerMatrixRows.SampleAsync(s, u, sample));

    private static MatrixRow Write(string method, string route, string sample) =>
        new(method, route, Deny, Own, Deny, Deny, Deny, Deny, Deny, Deny, (s, u) => LedgerMatrixRows.SampleAsync(s, u, sample));
}
