using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Exemplar.Web.Features.Evaluations;

public enum EvaluationScopeKind
{
    /// <summary>Route <c>id</c>: a round the user's authority runs (administrators: any).</summary>
    Round,
    /// <summary>Route <c>id</c>: an evaluation assignment of the signed-in expert.</summary>
    Assignment,
    /// <summary>The list: everyone the page admits reads it; only a designating officer posts (opens a round).</summary>
    List,
}

/// <summary>
/// Refuses with 404 — before anything else runs, antiforgery included — a round or assignment outside the user's reach,
/// so its existence is not told and a post to it is never processed.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EvaluationScopeAttribute(EvaluationScopeKind kind) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var role = http.User.Role();
        var post = HttpMethods.IsPost(http.Request.Method);
        if (kind == EvaluationScopeKind.List)
        {
            if (post && role is not null && role != Role.DesignatingOfficer) context.Result = new ForbidResult();
            return;
        }
        // Roles the page does not admit at all are answered by its [Authorize] (403), not here.
        if (kind == EvaluationScopeKind.Assignment ? role != Role.Expert : role is not (Role.DesignatingOfficer or Role.Administrator)) return;
        var services = http.RequestServices;
        if (!Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var id)) { context.Result = new NotFoundResult(); return; }
        var ok = kind == EvaluationScopeKind.Round
            ? await services.GetRequiredService<RoundLoader>().LoadAsync(id, false, http.RequestAborted) is { } f && RoundLoader.MayRead(http.User, f.Round)
            : await services.GetRequiredService<EvaluationTaskLoader>().LoadAsync(id, http.User.UserId(), false, http.RequestAborted) is not null;
        if (!ok) context.Result = new NotFoundResult();
        // Administrators read rounds; only the authority that runs one changes it.
        else if (post && kind == EvaluationScopeKind.Round && role == Role.Administrator) context.Result = new ForbidResult();
    }
}
