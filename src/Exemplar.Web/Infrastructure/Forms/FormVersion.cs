using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Infrastructure.Forms;

/// <summary>
/// Optimistic concurrency for forms that save several rows (a sample's answers, an enterprise's yearly figures, an
/// entry's attachments): the form carries the version of the record it belongs to, and saving always updates that record
/// with <c>WHERE xmin = version</c> — even when none of its own columns changed — so PostgreSQL moves its version on.
/// Of two forms rendered from the same version one saves and the other gets <see cref="Problems.ConcurrencyMessage"/>;
/// the stale form cannot blank out the rows the first one saved.
/// </summary>
public static class FormVersion
{
    public static void Guard(DbContext db, object parent, uint version)
    {
        var entry = db.Entry(parent);
        entry.Property("Version").OriginalValue = version;
        // Marking one ordinary column modified (to its own value) is enough for EF to issue the guarded UPDATE.
        var column = entry.Properties.First(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsConcurrencyToken && !p.Metadata.IsShadowProperty()
                                                 && p.Metadata.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never);
        column.IsModified = true;
    }
}
