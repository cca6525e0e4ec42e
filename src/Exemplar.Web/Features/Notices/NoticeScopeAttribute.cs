using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Decisions;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

public enum NoticeScopeKind
{
    /// <summary>Route <c>callId</c>: a published call the user's authority issued.</summary>
    Call,
    /// <summary>Route <c>id</c> or <c>noticeId</c>: a notice of the user's authority.</summary>
    Notice,
    /// <summary>Route <c>id</c>: an objection to a notice of the user's authority.</summary>
    Objection,
    /// <summary>Route <c>id</c>: a written outcome to the user's organisation, or of the user's authority.</summary>
    Outcome,
}

/// <summary>
/// Refuses with 404 — before anything else runs, antiforgery included — a call, notice, objection or written outcome
/// outside the user's reach (the designating authority's own; administrators read all), so its existence is not told.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoticeScopeAttribute(NoticeScopeKind kind) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var role = http.User.Role();
        var applicant = kind == NoticeScopeKind.Outcome && role == Role.Applicant;
        if (!applicant && role is not (Role.DesignatingOfficer or Role.Administrator)) return;
        var values = context.RouteData.Values;
        var raw = (kind switch { NoticeScopeKind.Call => values["callId"], _ => values["id"] ?? values["noticeId"] })?.ToString();
        if (!Guid.TryParse(raw, out var id)) { context.Result = new NotFoundResult(); return; }
        var db = http.RequestServices.GetRequiredService<ExemplarDbContext>();
        var ct = http.RequestAborted;
        string? jurisdiction = kind switch
        {
            NoticeScopeKind.Call => await db.Set<Call>().AsNoTracking().Where(c => c.Id == id && c.Status != CallStatus.Draft).Select(c => c.JurisdictionCode).FirstOrDefaultAsync(ct),
            NoticeScopeKind.Notice => await db.Set<PublicNotice>().AsNoTracking().Where(n => n.Id == id).Select(n => n.JurisdictionCode).FirstOrDefaultAsync(ct),
            NoticeScopeKind.Objection => await (from o in db.Set<Objection>() join n in db.Set<PublicNotice>() on o.NoticeId equals n.Id where o.Id == id select n.JurisdictionCode).FirstOrDefaultAsync(ct),
            _ => await (from w in db.Set<WrittenOutcome>() join d in db.Set<DesignationDecision>() on w.DecisionId equals d.Id
                        join n in db.Set<PublicNotice>() on d.NoticeId equals n.Id where w.Id == id select n.JurisdictionCode).FirstOrDefaultAsync(ct),
        };
        bool ok;
        if (applicant)
        {
            var org = http.User.OrganizationId();
            ok = org is not null && await db.Set<WrittenOutcome>().AsNoTracking().AnyAsync(w => w.Id == id && w.OrganizationId == org, ct);
        }
        else ok = jurisdiction is not null && NoticeAccess.MayRead(http.User, jurisdiction);
        // An evidence file is reached only under its own objection.
        if (ok && kind == NoticeScopeKind.Objection && values["fileId"] is { } file)
            ok = Guid.TryParse(file.ToString(), out var fileId) && await db.Set<ObjectionEvidence>().AsNoTracking().AnyAsync(e => e.ObjectionId == id && e.FileId == fileId, ct);
        if (!ok) context.Result = new NotFoundResult();
    }
}
