using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Infrastructure.Data;

/// <summary>
/// Every Guid key is made by the entity itself (<c>Guid.CreateVersion7()</c> in its initialiser), so EF must never take
/// "the key is set" to mean "the row exists". Without this, a new child added through a navigation
/// (<c>enterprise.Years.Add(new …)</c>) is tracked as Modified and its save fails as a concurrency conflict.
/// </summary>
internal static class ClientGeneratedKeys
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.FindPrimaryKey() is { Properties: [var key] } && key.ClrType == typeof(Guid))
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        }
    }
}
