using System.Security.Claims;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Carriers;

/// <summary>Roles that may open carrier pages at all (experts may not; scope is checked per carrier).</summary>
public static class LedgerRoles
{
    public const string Viewers = "Applicant,CountyOfficer,PrefectureOfficer,ZoneOfficer,DesignatingOfficer,Administrator";
}

/// <summary>What a user may do with one carrier.</summary>
public sealed record CarrierAccess(bool CanRead, bool CanWrite, bool IsOfficerInScope)
{
    public static readonly CarrierAccess None = new(false, false, false);

    /// <summary>
    /// Applicants: read and write their own organisation's carriers only. Officers: read carriers whose
    /// jurisdiction their scope covers (五华 never sees 盘龙). Administrators: read everything.
    /// </summary>
    public static CarrierAccess For(ClaimsPrincipal user, Carrier carrier, JurisdictionTree tree)
    {
        var role = user.Role();
        if (role == Role.Administrator) return new(true, false, false);
        if (role == Role.Applicant)
            return user.OrganizationId() == carrier.OrganizationId ? new(true, true, false) : None;
        if (role is { } r && RoleNames.Officers.Contains(r) && JurisdictionScope.For(user, tree).Covers(carrier.JurisdictionCode))
            return new(true, false, true);
        return None;
    }

    /// <summary>Query filter: carriers the user may read.</summary>
    public static IQueryable<Carrier> Visible(IQueryable<Carrier> carriers, ClaimsPrincipal user, JurisdictionTree tree)
    {
        var role = user.Role();
        if (role == Role.Administrator) return carriers;
        if (role == Role.Applicant)
        {
            var org = user.OrganizationId();
            return carriers.Where(c => c.OrganizationId == org);
        }
        if (role is { } r && RoleNames.Officers.Contains(r))
        {
            var codes = JurisdictionScope.For(user, tree).CoveredCodes.ToList();
            return carriers.Where(c => codes.Contains(c.JurisdictionCode));
        }
        return carriers.Where(_ => false);
    }
}

/// <summary>
/// Loads the carrier named by the route's <c>id</c> and refuses users outside its scope, before anything
/// else runs (also before antiforgery, so a forged cross-scope POST is told 403, not 400).
/// GET needs read access; POST needs write access (the operator), or an officer in scope when <see cref="OfficersPost"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed partial class CarrierScopeAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public bool OfficersPost { get; init; }
    /// <summary>Pages only the operator opens at all (GET needs write access too).</summary>
    public bool WritersOnly { get; init; }
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var id)) { context.Result = new NotFoundResult(); return; }
        var db = http.RequestServices.GetRequiredService<ExemplarDbContext>();
        var tree = await http.RequestServices.GetRequiredService<JurisdictionTreeCache>().GetAsync(http.RequestAborted);
        var carrier = await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, http.RequestAborted);
        if (carrier is null) { context.Result = new NotFoundResult(); return; }
        var access = CarrierAccess.For(http.User, carrier, tree);
        var allowed = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? (WritersOnly ? access.CanWrite : access.CanRead)
            : OfficersPost ? access.IsOfficerInScope : access.CanWrite;
        if (!allowed) { context.Result = new ForbidResult(); return; }
        if (!await ChildrenBelongAsync(context, db, carrier.Id)) { context.Result = new NotFoundResult(); return; }
        http.Items[typeof(Carrier)] = carrier;
        http.Items[typeof(CarrierAccess)] = access;
    }
}

public sealed partial class CarrierScopeAttribute
{
    /// <summary>Every other Guid in the route names a record of this carrier (see <see cref="CarrierChildRoute"/>).</summary>
    private static async Task<bool> ChildrenBelongAsync(AuthorizationFilterContext context, ExemplarDbContext db, Guid carrierId)
    {
        var http = context.HttpContext;
        var values = context.RouteData.Values;
        foreach (var (key, value) in values)
        {
            if (key == "id" || !Guid.TryParse(value?.ToString(), out var childId)) continue;
            var rule = http.RequestServices.GetServices<CarrierChildRoute>().FirstOrDefault(r => r.RouteValue.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (rule is null)
            {
                http.RequestServices.GetRequiredService<ILogger<CarrierScopeAttribute>>()
                    .LogError("路由参数 {RouteValue} 没有登记归属规则（CarrierChildRoute），请求已按不存在处理", key);
                return false;
            }
            if (!await rule.Belongs(db, carrierId, childId, values, http.RequestAborted)) return false;
        }
        return true;
    }
}

/// <summary>Base for pages under <c>/Base/{id}</c>: the carrier (already scope-checked) and the user's access.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Roles = LedgerRoles.Viewers)]
[CarrierScope]
public abstract class CarrierPageModel : PageModel
{
    public Carrier Carrier => (Carrier)HttpContext.Items[typeof(Carrier)]!;
    public CarrierAccess Access => (CarrierAccess)HttpContext.Items[typeof(CarrierAccess)]!;
    public string BaseUrl => $"/Base/{Carrier.Id}";
    /// <summary>Beijing's date today.</summary>
    public DateOnly Today => Infrastructure.ChinaTime.Today(HttpContext.RequestServices.GetRequiredService<TimeProvider>());
    /// <summary>The year the metrics link opens: last year (annual applications report the previous year).</summary>
    public int MetricsYear => Today.Year - 1;

    protected void AddErrors(IReadOnlyDictionary<string, List<string>> errors)
    {
        foreach (var (field, messages) in errors)
            foreach (var m in messages) ModelState.AddModelError(field, m);
    }
}
