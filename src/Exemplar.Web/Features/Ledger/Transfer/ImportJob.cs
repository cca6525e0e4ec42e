using Exemplar.Domain.Ledger;
using Exemplar.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Exemplar.Web.Features.Carriers;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>Progress of one file import (updated while it runs; not audited — the imported rows are).</summary>
public sealed class ImportJob : INotAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CarrierId { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public required string Status { get; set; }
    public long ProcessedRows { get; set; }
    public long ImportedRows { get; set; }
    /// <summary>The row-level report as JSON (see <c>ImportReport</c>).</summary>
    public string? Errors { get; set; }
    public required string StartedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Size of the upload as declared (progress is bytes read / this while the row total is unknown).</summary>
    public long? TotalBytes { get; set; }
    public long ProcessedBytes { get; set; }
    /// <summary>Data rows in the file, known once it has been read to the end.</summary>
    public long? TotalRows { get; set; }
    public long ErrorCount { get; set; }
    public long WarningCount { get; set; }
    public long NoticeCount { get; set; }
    public string? Sha256 { get; set; }
    public string? Encoding { get; set; }
    /// <summary>Last progress write; a running job not updated for minutes was interrupted (its transaction rolled back).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.ToTable("import_jobs");
        b.Property(x => x.Kind).HasMaxLength(30);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.Status).HasMaxLength(30);
        b.Property(x => x.StartedBy).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Encoding).HasMaxLength(30);
        b.HasIndex(x => x.CarrierId);
        b.HasOne<Carrier>().WithMany().HasForeignKey(x => x.CarrierId).OnDelete(DeleteBehavior.Cascade);
    }
}
