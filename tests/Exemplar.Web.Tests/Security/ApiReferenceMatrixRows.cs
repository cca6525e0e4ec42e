namespace Exemplar.Web.Tests.Security;

/// <summary>The API reference page and its bundle (Scalar, served by the site itself): public like the OpenAPI JSON.</summary>
public sealed class ApiReferenceMatrixRows : IMatrixRows
{
    public IEnumerable<MatrixRow> Rows =>
    [
        MatrixRow.Public("GET", "/api/v1/docs/{documentName?}") with { Sample = (_, _) => Task.FromResult(("/api/v1/docs/v1", "/api/v1/docs/v1")) },
        MatrixRow.Public("GET", "/api/v1/docs/scalar.js"),
        MatrixRow.Public("GET", "/api/v1/docs/scalar.aspnetcore.js"),
        MatrixRow.Public("GET", "/api/v1/docs/favicon.svg"),
    ];
}
