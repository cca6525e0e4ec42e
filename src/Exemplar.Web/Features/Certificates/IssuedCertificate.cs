using Exemplar.Web.Features.Designations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Certificates;

/// <summary>
/// A designation's certificate (证书): its unique number and the payload signed once, at issuance, with the signature
/// and the key that made it. The payload is canonical text (<see cref="CertificatePayload"/>), so anyone with the
/// published public key can check a printed certificate's QR code offline. A reissue (换发/补发) adds a new record with a
/// new number for the same designation and voids this one (<see cref="SupersededOn"/>); a designation has one current certificate.
/// </summary>
public sealed class IssuedCertificate
{
    public const int NumberMax = 40;
    public const int ReissueReasonMax = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Number { get; init; }
    public Guid DesignationId { get; init; }
    public DateOnly IssuedOn { get; init; }
    /// <summary>The signed text, exactly as signed (UTF-8).</summary>
    public required string Payload { get; init; }
    public required byte[] Signature { get; init; }
    public required string Algorithm { get; init; }
    public required string KeyId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The certificate this one was reissued in place of (换发/补发), with why.</summary>
    public Guid? ReplacesId { get; init; }
    public CertificateReissueKind? ReissueKind { get; init; }
    public string? ReissueReason { get; init; }
    /// <summary>The accepted name-change filing a 换发 follows.</summary>
    public Guid? ChangeFilingId { get; init; }
    /// <summary>The day a reissue voided this certificate (已换发/已补发（作废）) and the certificate that replaced it.</summary>
    public DateOnly? SupersededOn { get; set; }
    public Guid? SupersededById { get; set; }
    public uint Version { get; set; }

    public bool IsCurrent => SupersededOn is null;
}

/// <summary>Why a certificate was reissued.</summary>
public enum CertificateReissueKind
{
    /// <summary>换发: the base's name changed through an accepted change filing (重大变更备案).</summary>
    NameChange = 1,
    /// <summary>补发: the operator reported the certificate lost.</summary>
    Lost = 2,
}

internal sealed class IssuedCertificateConfiguration : IEntityTypeConfiguration<IssuedCertificate>
{
    public void Configure(EntityTypeBuilder<IssuedCertificate> b)
    {
        b.ToTable("certificates");
        b.Property(x => x.Number).HasMaxLength(IssuedCertificate.NumberMax);
        b.Property(x => x.Algorithm).HasMaxLength(30);
        b.Property(x => x.KeyId).HasMaxLength(40);
        b.Property(x => x.Payload).HasMaxLength(2000);
        b.Property(x => x.ReissueReason).HasMaxLength(IssuedCertificate.ReissueReasonMax);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.Ignore(x => x.IsCurrent);
        b.HasIndex(x => x.Number).IsUnique();
        // One current certificate per designation; the ones a reissue voided stay, for their verification page.
        b.HasIndex(x => x.DesignationId).IsUnique().HasFilter("superseded_on IS NULL");
        b.HasOne<Designation>().WithMany().HasForeignKey(x => x.DesignationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IssuedCertificate>().WithMany().HasForeignKey(x => x.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IssuedCertificate>().WithMany().HasForeignKey(x => x.SupersededById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChangeFilings.ChangeFiling>().WithMany().HasForeignKey(x => x.ChangeFilingId).OnDelete(DeleteBehavior.Restrict);
    }
}
