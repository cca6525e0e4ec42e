using Exemplar.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>
/// A form post or API call that changed something, by the key its form (or its <c>Idempotency-Key</c> header) carried.
/// Written by the same SaveChanges — so in the same transaction — as the change itself: a key is here exactly when the
/// change committed. Kept for <see cref="IdempotencyOptions.KeepHours"/> hours, then purged.
/// </summary>
public sealed class IdempotencyRecord : INotAudited
{
    public Guid Key { get; init; }
    public Guid? UserId { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>What the first request answered (set when its response started): replays answer the same.</summary>
    public int? Status { get; set; }
    public string? Location { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_keys");
        b.HasKey(x => x.Key);
        b.Property(x => x.Method).HasMaxLength(10);
        b.Property(x => x.Path).HasMaxLength(500);
        b.Property(x => x.Location).HasMaxLength(2000);
        b.HasIndex(x => x.CreatedAt);
    }
}
