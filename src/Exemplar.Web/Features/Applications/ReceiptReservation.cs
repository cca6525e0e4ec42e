using Exemplar.Web.Features.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// 受理编号的预留: the call's receipt number drawn for one application when it first passed the submission check. The
/// draw commits on its own, so the call's counter is held for a moment instead of through the submission's save and
/// commit; the number stays the application's, and a submission of it that failed (crash, lost connection) is followed
/// by one that takes the same number. A number never appears on two applications, and one missing from the receipts is
/// found here, with the draft it waits for.
/// </summary>
public sealed class ReceiptReservation
{
    public Guid CallId { get; init; }
    public int Sequence { get; init; }
    public Guid ApplicationId { get; init; }
    public DateTimeOffset ReservedAt { get; init; }
}

internal sealed class ReceiptReservationConfiguration : IEntityTypeConfiguration<ReceiptReservation>
{
    public void Configure(EntityTypeBuilder<ReceiptReservation> b)
    {
        b.ToTable("receipt_reservations");
        b.HasKey(x => new { x.CallId, x.Sequence });
        b.HasIndex(x => x.ApplicationId).IsUnique();
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Draws an application's receipt number (<see cref="ReceiptReservation"/>) in a transaction of its own.</summary>
public sealed class ReceiptDesk(IServiceScopeFactory scopes)
{
    /// <summary>
    /// The application's reserved number, drawn now if it has none. Runs on a context of its own, outside the caller's
    /// transaction (see the <c>receipt_draw</c> function), so the call's counter row is locked only for this statement.
    /// </summary>
    public async Task<int> DrawAsync(Guid callId, Guid applicationId, DateTimeOffset at, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Data.ExemplarDbContext>();
        var drawn = await db.Database.SqlQuery<int>($"SELECT receipt_draw({callId}, {applicationId}, {at}) AS \"Value\"").ToListAsync(ct);
        return drawn.Single();
    }
}
