using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Carriers;

/// <summary>The record a save form works on, for every record type the operator keeps.</summary>
internal static class CarrierRecord
{
    /// <summary>
    /// With an id: the record looked up only among <paramref name="owned"/> (a forged id of another carrier finds
    /// nothing and is answered 404), carrying the version the form was rendered from, so a concurrent edit is reported.
    /// Without one: <paramref name="create"/>'s new record, added. Names the audit operation "{label}.修改/新增".
    /// </summary>
    public static async Task<T> EditOrAddAsync<T>(ExemplarDbContext db, Guid? id, uint version, IQueryable<T> owned,
        Func<T> create, string label, CancellationToken ct) where T : class
    {
        if (id is { } existing)
        {
            var record = await owned.FirstOrDefaultAsync(x => EF.Property<Guid>(x, "Id") == existing, ct)
                ?? throw new RecordNotFoundException($"{typeof(T).Name} {existing} is not in scope");
            // Guarded even when only its child rows change (an enterprise's years, an entry's attachments).
            Infrastructure.Forms.FormVersion.Guard(db, record, version);
            db.Actor.Operation = $"{label}.修改";
            return record;
        }
        var added = create();
        db.Add(added);
        db.Actor.Operation = $"{label}.新增";
        return added;
    }
}
