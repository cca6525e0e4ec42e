using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Carriers;

/// <summary>
/// A record id in a <c>/Base/{id}/…</c> route (e.g. <c>entryId</c>) and how to tell that it belongs to that carrier.
/// <see cref="CarrierScopeAttribute"/> checks every Guid route value against its rule before the page runs: an id of
/// another carrier's record is answered 404 on every code path (GET, valid and invalid POSTs alike), and a Guid route
/// value without a rule is refused too, so a new page cannot forget it. Each area registers its rules in its setup.
/// </summary>
public sealed record CarrierChildRoute(string RouteValue, Func<ExemplarDbContext, Guid, Guid, RouteValueDictionary, CancellationToken, Task<bool>> Belongs)
{
    /// <summary>A record with its own <c>CarrierId</c> column.</summary>
    public static CarrierChildRoute Of<T>(string routeValue) where T : class => new(routeValue, (db, carrierId, id, _, ct) =>
        db.Set<T>().AnyAsync(x => EF.Property<Guid>(x, "Id") == id && EF.Property<Guid>(x, "CarrierId") == carrierId, ct));
}
