using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Jurisdictions;

public static class JurisdictionApi
{
    public sealed record JurisdictionDto(string Code, string Name, string? ParentCode, string Kind, string KindLabel);
    public sealed record OrganizationDto(Guid Id, string Name, string? Uscc, string Kind, string JurisdictionCode, string JurisdictionName);

    public static void MapJurisdictionApi(this RouteGroupBuilder api)
    {
        api.MapGet("/jurisdictions", async Task<Ok<List<JurisdictionDto>>> (JurisdictionTreeCache trees, CancellationToken ct) =>
        {
            var tree = await trees.GetAsync(ct);
            return TypedResults.Ok(tree.All.OrderBy(j => j.Path, StringComparer.Ordinal)
                .Select(j => new JurisdictionDto(j.Code, j.Name, j.ParentCode, j.Kind.ToString(), Jurisdiction.KindLabel(j.Kind))).ToList());
        }).AllowAnonymous().WithSummary("行政区划与开发区（公开）");

        api.MapGet("/organizations/{id:guid}", async Task<Results<Ok<OrganizationDto>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ForbidHttpResult>> (
            Guid id, HttpContext http, ExemplarDbContext db, JurisdictionTreeCache trees, CancellationToken ct) =>
        {
            var tree = await trees.GetAsync(ct);
            var scope = JurisdictionScope.For(http.User, tree);
            var org = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
            if (org is null) return TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "未找到该单位", Status = 404 });
            var allowed = http.User.Role() == Role.Applicant ? scope.OrganizationId == org.Id : scope.Covers(org.JurisdictionCode);
            if (!allowed) return TypedResults.Forbid();
            return TypedResults.Ok(new OrganizationDto(org.Id, org.Name, org.Uscc, org.Kind.ToString(), org.JurisdictionCode, tree.FullName(org.JurisdictionCode)));
        }).RequireAuthorization(AuthPolicies.SignedIn).WithSummary("单位信息（按管辖范围）");
    }
}
