using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Infrastructure.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        // Triggers assign id, previous_hash and hash: a provisional negative id at insert, the chain id and hashes at commit
        // (migration AuditSealedAtCommit), so id order is chain order. EF reads back only the provisional values.
        b.Property(x => x.Id).ValueGeneratedOnAdd().Metadata.SetValueGenerationStrategy(NpgsqlValueGenerationStrategy.None);
        b.Property(x => x.PreviousHash).HasMaxLength(64).ValueGeneratedOnAdd();
        b.Property(x => x.Hash).HasMaxLength(64).ValueGeneratedOnAdd();
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.Operation).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(20);
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.Property(x => x.JurisdictionCode).HasMaxLength(12);
        b.Property(x => x.IpAddress).HasMaxLength(64);
        b.Property(x => x.Before).HasColumnType("jsonb");
        b.Property(x => x.After).HasColumnType("jsonb");
        b.HasIndex(x => x.OccurredAt);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.HasIndex(x => x.ActorId);
    }
}
