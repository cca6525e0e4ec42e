using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Exemplar.Web.Features.Audit;

public static class AuditApi
{
    public sealed record AuditEntryDto(long Id, DateTimeOffset OccurredAt, string ActorName, string Operation, string Action,
        string EntityType, string EntityId, string? JurisdictionCode, string? Before, string? After, string Hash);

    public sealed record AuditPageDto(int Total, int Page, int PageSize, IReadOnlyList<AuditEntryDto> Items);

    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(AuthPolicies.Administrator);
        admin.MapGet("/audit", async Task<Ok<AuditPageDto>> (
            [AsParameters] AuditFilter filter, AuditQuery query, CancellationToken ct) =>
        {
            var page = await query.RunAsync(filter, ct);
            return TypedResults.Ok(new AuditPageDto(page.Total, page.Page, page.PageSize, page.Items.Select(a =>
                new AuditEntryDto(a.Id, a.OccurredAt, a.ActorName, a.Operation, a.Action, a.EntityType, a.EntityId,
                    a.JurisdictionCode, a.Before, a.After, a.Hash)).ToList()));
        }).WithSummary("审计日志（管理员）");
        admin.MapPost("/audit/verify", async Task<Ok<AuditChainReport>> (AuditChainVerifier verifier, CancellationToken ct) =>
            TypedResults.Ok(await verifier.VerifyAsync(ct))).WithSummary("校验审计链");
    }
}
