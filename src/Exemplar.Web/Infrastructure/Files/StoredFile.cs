using Exemplar.Web.Infrastructure.Auditing;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Infrastructure.Files;

/// <summary>
/// A file the product keeps (application materials, call attachments, evidence …): what inspection found, who
/// uploaded it and its SHA-256. The bytes are in <see cref="StoredFileContent"/>, loaded only to download. Records
/// refer to a stored file by id; whoever may open the record may download it, through that record's own page.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string FileName { get; set; }
    public UploadKind Kind { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>What the file is for, e.g. 申报材料 (for the audit trail and retention).</summary>
    public required string Purpose { get; set; }
    public Guid? UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    public string ContentType => UploadKinds.ContentType(Kind);
}

/// <summary>
/// The bytes, in PostgreSQL so every instance sees them (not audited: the hash in <see cref="StoredFile"/> is). A record
/// cannot commit without its bytes (a deferred key from <c>stored_files</c>, added in the migration), while bytes may be
/// written first on a connection of their own (<see cref="StagedContent"/>); bytes no record took up are purged later.
/// </summary>
public sealed class StoredFileContent : INotAudited
{
    public Guid FileId { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset WrittenAt { get; init; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>, IEntityTypeConfiguration<StoredFileContent>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("stored_files");
        b.Property(x => x.FileName).HasMaxLength(FileNames.MaxLength);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Purpose).HasMaxLength(50);
        b.Ignore(x => x.ContentType);
        b.HasIndex(x => x.Sha256);
    }

    public void Configure(EntityTypeBuilder<StoredFileContent> b)
    {
        b.ToTable("stored_file_contents");
        b.HasKey(x => x.FileId);
        b.Property(x => x.WrittenAt).HasDefaultValueSql("now()");
        // lz4 rather than PostgreSQL's default pglz: several times less CPU per stored megabyte, and a document that does not
        // compress (most PDFs, images, DOCX) is not run through the slower compressor to the end first.
        b.Property(x => x.Content).UseCompressionMethod("lz4");
        // The bytes are never changed once stored (init-only): compare by reference, so EF does not copy every tracked
        // file into a snapshot of its original value.
        b.Property(x => x.Content).Metadata.SetValueComparer(new ValueComparer<byte[]>(
            (x, y) => ReferenceEquals(x, y), v => RuntimeHelpers.GetHashCode(v), v => v));
    }
}
