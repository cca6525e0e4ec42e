using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews;

public enum ReviewScopeKind
{
    /// <summary>Route <c>callId</c>: a published call the user's authority issued (administrators: any).</summary>
    Call,
    /// <summary>Route <c>id</c>: an assignment of the signed-in expert.</summary>
    Assignment,
    /// <summary>Route <c>id</c> (optional): an expert of the user's region.</summary>
    Expert,
}

/// <summary>
/// Refuses with 404 — before anything else runs, antiforgery included — a call, assignment or expert outside the user's
/// reach, so its existence is not told and a post to it is never processed.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReviewScopeAttribute(ReviewScopeKind kind) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        // Roles the page does not admit at all are answered by its [Authorize] (403), not here.
        var role = http.User.Role();
        if (kind == ReviewScopeKind.Assignment ? role != Role.Expert : role is not (Role.DesignatingOfficer or Role.Administrator)) return;
        var services = http.RequestServices;
        var db = services.GetRequiredService<ExemplarDbContext>();
        var ct = http.RequestAborted;
        var raw = context.RouteData.Values[kind == ReviewScopeKind.Call ? "callId" : "id"]?.ToString();
        if (kind == ReviewScopeKind.Expert && raw is null) return;
        if (!Guid.TryParse(raw, out var id)) { context.Result = new NotFoundResult(); return; }
        var ok = kind switch
        {
            ReviewScopeKind.Call => await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } call
                                    && call.Status != CallStatus.Draft && ReviewAccess.MayRead(http.User, call),
            ReviewScopeKind.Assignment => await services.GetRequiredService<AssignmentLoader>().LoadAsync(id, http.User.UserId(), false, ct) is not null,
            _ => await db.Set<Expert>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } e
                 && JurisdictionScope.For(http.User, await services.GetRequiredService<JurisdictionTreeCache>().GetAsync(ct)).Covers(e.RegionCode),
        };
        if (!ok) context.Result = new NotFoundResult();
    }
}
