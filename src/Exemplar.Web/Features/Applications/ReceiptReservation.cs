using Exemplar.Web.Features.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

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
public sealed class ReceiptDesk(Infrastructure.Data.ExemplarDbContext db)
{
    /// <summary>
    /// The application's reserved number, drawn now if it has none. Runs on a pooled connection of its own, outside the
    /// caller's transaction (see the <c>receipt_draw</c> function), so the call's counter row is locked only for this
    /// statement. One plain command rather than a scoped context and an EF query (1.2 ms of CPU per draw before): the draw
    /// is idempotent per application, so a transient failure is retried with the whole submission.
    /// </summary>
    public async Task<int> DrawAsync(Guid callId, Guid applicationId, DateTimeOffset at, CancellationToken ct)
    {
        // The context's connection string, so the draw shares the app's pool (as FileStore.Stage does), not the context.
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT receipt_draw($1, $2, $3)", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = callId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = applicationId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at.ToUniversalTime() });
        try { return (int)(await command.ExecuteScalarAsync(ct))!; }
        catch (Exception) { Infrastructure.Data.PreparedStatementRecovery.Recover(connection); throw; }
    }
}
