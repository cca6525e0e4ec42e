using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Exemplar.Web.Features.Account;

public static class AccountApi
{
    public sealed record Me(Guid Id, string Name, string Role, string RoleLabel, string? JurisdictionCode, string? JurisdictionName, Guid? OrganizationId);

    public static void MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async Task<Ok<Me>> (HttpContext http, JurisdictionTreeCache trees, CancellationToken ct) =>
        {
            var u = http.User;
            var tree = await trees.GetAsync(ct);
            var role = u.Role()!.Value;
            return TypedResults.Ok(new Me(u.UserId()!.Value, u.Identity!.Name!, role.ToString(), RoleNames.Label(role),
                u.JurisdictionCode(), u.JurisdictionCode() is { } c ? tree.FullName(c) : null, u.OrganizationId()));
        }).RequireAuthorization(AuthPolicies.SignedIn).WithSummary("当前登录用户");
    }
}
