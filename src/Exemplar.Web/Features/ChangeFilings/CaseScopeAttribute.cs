using Exemplar.Web.Features.Revocations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.ChangeFilings;

/// <summary>What the route's <c>id</c> (or the <c>designation</c> query) names.</summary>
public enum CaseRecord { Filing, Revocation, DesignationForBase }

/// <summary>
/// Refuses with 404 — before antiforgery, so a forged post at another scope's record is never processed nor its existence
/// told — a change filing, a revocation or (for the base's filing form) a designation the signed-in user is no party to.
/// Roles the page does not admit at all are answered by its [Authorize] (403).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CaseScopeAttribute(CaseRecord record) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true) return;
        var services = http.RequestServices;
        var db = services.GetRequiredService<ExemplarDbContext>();
        var access = services.GetRequiredService<CaseAccess>();
        var ct = http.RequestAborted;
        var raw = record == CaseRecord.DesignationForBase ? http.Request.Query["designation"].ToString() : context.RouteData.Values["id"]?.ToString();
        if (record == CaseRecord.DesignationForBase && http.Request.HasFormContentType && string.IsNullOrEmpty(raw))
            raw = (await http.Request.ReadFormAsync(ct))["designation"].ToString();
        Guid? designationId = null;
        if (Guid.TryParse(raw, out var id))
            designationId = record switch
            {
                CaseRecord.Filing => await db.Set<ChangeFiling>().AsNoTracking().Where(f => f.Id == id).Select(f => (Guid?)f.DesignationId).FirstOrDefaultAsync(ct),
                CaseRecord.Revocation => await db.Set<Revocation>().AsNoTracking().Where(r => r.Id == id).Select(r => (Guid?)r.DesignationId).FirstOrDefaultAsync(ct),
                _ => id,
            };
        if (designationId is not { } d || await access.SubjectAsync(d, ct) is not { } subject) { context.Result = new NotFoundResult(); return; }
        var party = await access.PartyAsync(http.User, subject.Carrier, subject.Designation.ProgrammeId, ct);
        if (party == CaseParty.None || (record == CaseRecord.DesignationForBase && party != CaseParty.Base)) context.Result = new NotFoundResult();
    }
}
