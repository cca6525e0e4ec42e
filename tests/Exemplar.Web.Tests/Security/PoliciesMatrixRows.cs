using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

/// <summary>Policy library, comparison and self-check are public; version management is for administrators; revision preview for administrators and designating officers.</summary>
public sealed class PoliciesMatrixRows : IMatrixRows
{
    private static readonly Func<IServiceProvider, string, Task<(string, string)>> Programme =
        (_, _) => Task.FromResult(("/Policies/kunming-base-2022", "/Policies/beijing-base"));

    public IEnumerable<MatrixRow> Rows =>
    [
        MatrixRow.Public("GET", "/Policies"),
        MatrixRow.Public("POST", "/Policies"),
        MatrixRow.Public("GET", "/Policies/{id}") with { Sample = Programme },
        MatrixRow.Public("POST", "/Policies/{id}") with { Sample = Programme },
        MatrixRow.Public("GET", "/Policies/Compare"),
        MatrixRow.Public("POST", "/Policies/Compare"),
        MatrixRow.Public("GET", "/Policies/SelfCheck"),
        MatrixRow.Public("POST", "/Policies/SelfCheck"),
        MatrixRow.AdminOnly("GET", "/Admin/Policies"),
        MatrixRow.AdminOnly("POST", "/Admin/Policies"),
        MatrixRow.Public("GET", "/api/v1/policies"),
        MatrixRow.Public("GET", "/api/v1/policies/{id}") with
        {
            Sample = (_, _) => Task.FromResult(("/api/v1/policies/kunming-base-2022", "/api/v1/policies/beijing-base")),
        },
        MatrixRow.Public("POST", "/api/v1/eligibility/evaluate"),
        new("POST", "/api/v1/policies/{id}/preview", Deny, Deny, Deny, Deny, Deny, Allow, Deny, Allow,
            (_, _) => Task.FromResult(("/api/v1/policies/kunming-base-2022/preview", "/api/v1/policies/kunming-base-2022/preview"))),
    ];
}
