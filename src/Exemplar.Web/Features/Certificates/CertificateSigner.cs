using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Exemplar.Web.Infrastructure.Data;

namespace Exemplar.Web.Features.Certificates;

/// <summary>
/// Signs certificate payloads with the current key of the configured algorithm (<see cref="CertificateOptions"/>) and
/// checks signatures with the key a certificate names, whatever the setting is now. The private key is created on first
/// use and kept encrypted by Data Protection in <c>certificate_keys</c>; the public half is published as PEM.
/// </summary>
public sealed class CertificateSigner(ExemplarDbContext db, IDataProtectionProvider protection, IOptions<CertificateOptions> options, TimeProvider clock)
{
    private IDataProtector Protector => protection.CreateProtector("Exemplar.Certificates.SigningKey.v1");

    /// <summary>The algorithm new certificates are signed with.</summary>
    public SignatureAlgorithm Algorithm => SignatureAlgorithms.Find(options.Value.Algorithm)
        ?? throw new InvalidOperationException($"Unknown certificate signature algorithm '{options.Value.Algorithm}'.");

    /// <summary>The newest key of the configured algorithm, created on first use.</summary>
    public async Task<SigningKey> CurrentKeyAsync(CancellationToken ct)
    {
        var name = Algorithm.Name;
        return await db.Set<SigningKey>().AsNoTracking().Where(k => k.Algorithm == name)
            .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct) ?? await CreateKeyAsync(ct);
    }

    public byte[] Sign(SigningKey key, string payload)
    {
        var algorithm = SignatureAlgorithms.Find(key.Algorithm) ?? throw new InvalidOperationException($"Key {key.Id} has an unknown algorithm '{key.Algorithm}'.");
        var privateKey = Protector.Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey));
        try
        {
            return algorithm.Sign(privateKey, System.Text.Encoding.UTF8.GetBytes(payload));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>True when <paramref name="signature"/> is the named key's signature of <paramref name="payload"/>, in the key's own algorithm.</summary>
    public static bool Verify(SigningKey key, string payload, byte[] signature) =>
        SignatureAlgorithms.Find(key.Algorithm) is { } algorithm && algorithm.Verify(key.PublicKey, System.Text.Encoding.UTF8.GetBytes(payload), signature);

    public static string Pem(SigningKey key) => PemEncoding.WriteString("PUBLIC KEY", key.PublicKey);

    private async Task<SigningKey> CreateKeyAsync(CancellationToken ct)
    {
        var algorithm = Algorithm;
        var (spki, pkcs8) = algorithm.NewKey();
        var key = new SigningKey
        {
            Id = Convert.ToHexStringLower(SHA256.HashData(spki))[..16], Algorithm = algorithm.Name, PublicKey = spki,
            ProtectedPrivateKey = Convert.ToBase64String(Protector.Protect(pkcs8)), CreatedAt = clock.GetUtcNow(),
        };
        CryptographicOperations.ZeroMemory(pkcs8);
        db.Add(key);
        await db.SaveChangesAsync(ct);
        return key;
    }
}
