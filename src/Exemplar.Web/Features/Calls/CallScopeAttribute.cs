using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Exemplar.Web.Features.Calls;

/// <summary>
/// For the pages that manage a call: only the issuing authority's designating officers reach them; anyone else is told the
/// call does not exist (404) before anything else runs — also before antiforgery.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CallScopeAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var id)) { context.Result = new NotFoundResult(); return; }
        var query = http.RequestServices.GetRequiredService<CallQuery>();
        var detail = await query.FindAsync(id, http.User, http.RequestAborted);
        if (detail is null || !CallQuery.MayManage(http.User, detail.Call)) context.Result = new NotFoundResult();
    }
}
