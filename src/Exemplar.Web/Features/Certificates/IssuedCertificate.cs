using Exemplar.Web.Features.Designations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Certificates;

/// <summary>
/// A designation's certificate (证书): its unique number and the payload signed once, at issuance, with the signature
/// and the key that made it. The payload is canonical text (<see cref="CertificatePayload"/>), so anyone with the
/// published public key can check a printed certificate's QR code offline.
/// </summary>
public sealed class IssuedCertificate
{
    public const int NumberMax = 40;

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
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.DesignationId).IsUnique();
        b.HasOne<Designation>().WithMany().HasForeignKey(x => x.DesignationId).OnDelete(DeleteBehavior.Restrict);
    }
}
