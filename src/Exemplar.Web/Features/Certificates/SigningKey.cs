using Exemplar.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Certificates;

/// <summary>
/// A certificate signing key: the public half (SubjectPublicKeyInfo, published) and the private half encrypted with
/// the product's Data Protection keys (shared by every instance through PostgreSQL). Keys are never deleted: a
/// certificate names the key that signed it.
/// </summary>
public sealed class SigningKey : INotAudited
{
    /// <summary>First 16 hex digits of the SHA-256 of the public key.</summary>
    public required string Id { get; init; }
    public required string Algorithm { get; init; }
    public required byte[] PublicKey { get; init; }
    public required string ProtectedPrivateKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.ToTable("certificate_keys");
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.Algorithm).HasMaxLength(30);
    }
}
