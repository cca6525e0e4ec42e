using Exemplar.Domain.Ledger;
using Exemplar.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Exemplar.Web.Features.Carriers;

namespace Exemplar.Web.Features.Ledger;

/// <summary>
/// 服务台账 entry. Participants are kept as two arrays (resident enterprises by id, others by name) so a
/// year's counting is one scan and a bulk import is one COPY.
/// </summary>
public sealed class LedgerEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CarrierId { get; set; }
    public ServiceFunction Function { get; set; }
    public DateOnly Date { get; set; }
    public string Place { get; set; } = "";
    public ServiceForm Form { get; set; }
    public EventTopic Topic { get; set; }
    public List<Guid> ResidentIds { get; set; } = [];
    public List<string> OtherNames { get; set; } = [];
    public int PersonCount { get; set; }
    public FeeClass Fee { get; set; }
    /// <summary>Null when the base itself gave the service.</summary>
    public Guid? PartnerAgencyId { get; set; }
    public string? RequestText { get; set; }
    public string? OutcomeText { get; set; }
    public string? Feedback { get; set; }
    public Guid? ImportJobId { get; set; }
    public uint Version { get; set; }

    public int EnterpriseCount => ResidentIds.Count + OtherNames.Count;
}

/// <summary>Evidence file of a ledger entry (audited metadata; the bytes are in <see cref="LedgerAttachmentContent"/>).</summary>
public sealed class LedgerAttachment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EntryId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>SHA-256 of the content, hex, so the audit trail identifies the file.</summary>
    public required string Sha256 { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>The bytes of an attachment, kept in PostgreSQL so every web instance sees them (not audited: the hash is).</summary>
public sealed class LedgerAttachmentContent : INotAudited
{
    public Guid AttachmentId { get; init; }
    public required byte[] Content { get; set; }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("ledger_entries");
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.RequestText).HasMaxLength(2000);
        b.Property(x => x.OutcomeText).HasMaxLength(2000);
        b.Property(x => x.Feedback).HasMaxLength(2000);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.Ignore(x => x.EnterpriseCount);
        // Covering: a carrier's year of volumes (LedgerVolumesQuery) is an index-only range scan of its own entries, not a
        // visit to each of their heap pages (spread over the whole table as ledgers fill up side by side).
        b.HasIndex(x => new { x.CarrierId, x.Date })
            .IncludeProperties(x => new { x.Function, x.Form, x.Topic, x.Fee, x.PersonCount, x.ResidentIds, x.OtherNames });
        b.HasIndex(x => x.ImportJobId); // which rows an import wrote (an import is audited once, not per row)
        b.HasOne<Carrier>().WithMany().HasForeignKey(x => x.CarrierId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PartnerAgency>().WithMany().HasForeignKey(x => x.PartnerAgencyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class LedgerAttachmentConfiguration : IEntityTypeConfiguration<LedgerAttachment>
{
    public void Configure(EntityTypeBuilder<LedgerAttachment> b)
    {
        b.ToTable("ledger_attachments");
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasIndex(x => x.EntryId);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<LedgerEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LedgerAttachmentContentConfiguration : IEntityTypeConfiguration<LedgerAttachmentContent>
{
    public void Configure(EntityTypeBuilder<LedgerAttachmentContent> b)
    {
        b.ToTable("ledger_attachment_contents");
        b.HasKey(x => x.AttachmentId);
        b.HasOne<LedgerAttachment>().WithOne().HasForeignKey<LedgerAttachmentContent>(x => x.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
