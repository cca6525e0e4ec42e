using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Exemplar.Web.Infrastructure.Data;

namespace Exemplar.Web.Features.Certificates;

/// <summary>
/// Signs certificate payloads with the current key and checks signatures with the key a certificate names.
/// ECDSA P-256 over SHA-256, signatures DER-encoded (RFC 3279), so <c>openssl dgst -sha256 -verify key.pem</c> checks them.
/// The private key is created on first use and kept encrypted by Data Protection in <c>certificate_keys</c>.
/// </summary>
public sealed class CertificateSigner(ExemplarDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string EcdsaP256 = "ECDSA-P256-SHA256";
    private IDataProtector Protector => protection.CreateProtector("Exemplar.Certificates.SigningKey.v1");

    /// <summary>The newest key of the configured algorithm, created on first use.</summary>
    public async Task<SigningKey> CurrentKeyAsync(CancellationToken ct) =>
        await db.Set<SigningKey>().AsNoTracking().Where(k => k.Algorithm == EcdsaP256)
            .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct) ?? await CreateKeyAsync(ct);

    public byte[] Sign(SigningKey key, string payload)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Protector.Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey)), out _);
        return ecdsa.SignData(System.Text.Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>True when <paramref name="signature"/> is the named key's signature of <paramref name="payload"/>.</summary>
    public static bool Verify(SigningKey key, string payload, byte[] signature)
    {
        if (key.Algorithm != EcdsaP256) return false;
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(key.PublicKey, out _);
        try
        {
            return ecdsa.VerifyData(System.Text.Encoding.UTF8.GetBytes(payload), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static string Pem(SigningKey key) => PemEncoding.WriteString("PUBLIC KEY", key.PublicKey);

    private async Task<SigningKey> CreateKeyAsync(CancellationToken ct)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = ecdsa.ExportSubjectPublicKeyInfo();
        var key = new SigningKey
        {
            Id = Convert.ToHexStringLower(SHA256.HashData(spki))[..16], Algorithm = EcdsaP256, PublicKey = spki,
            ProtectedPrivateKey = Convert.ToBase64String(Protector.Protect(ecdsa.ExportPkcs8PrivateKey())), CreatedAt = clock.GetUtcNow(),
        };
        db.Add(key);
        await db.SaveChangesAsync(ct);
        return key;
    }
}
