using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Exemplar.Web.Features.Certificates;

/// <summary>
/// One way of signing certificate payloads. Keys travel as DER: the public half as SubjectPublicKeyInfo (what the
/// published PEM holds), the private half as PKCS#8 (kept encrypted by Data Protection). Signatures are DER
/// <c>SEQUENCE { r, s }</c> in both algorithms, so <c>openssl</c> checks either offline.
/// </summary>
public abstract class SignatureAlgorithm
{
    /// <summary>The name stored with each key and certificate, and the value of <c>Exemplar:Certificates:Algorithm</c>.</summary>
    public abstract string Name { get; }
    /// <summary>What a reader is told (证书核验页、公钥页).</summary>
    public abstract string Label { get; }
    public abstract (byte[] PublicKey, byte[] PrivateKey) NewKey();
    public abstract byte[] Sign(byte[] privateKey, byte[] data);
    /// <summary>False for a signature that does not match, is malformed, or a key of another kind.</summary>
    public abstract bool Verify(byte[] publicKey, byte[] data, byte[] signature);
    /// <summary>The offline check with OpenSSL 3, for a key saved as <paramref name="keyFile"/>.</summary>
    public abstract string OpenSslCommand(string keyFile);
}

public static class SignatureAlgorithms
{
    public const string EcdsaP256 = "ECDSA-P256-SHA256";
    public const string Sm2Sm3 = "SM2-SM3";

    public static readonly IReadOnlyList<SignatureAlgorithm> All = [new EcdsaP256Sha256(), new Sm2WithSm3()];

    public static SignatureAlgorithm? Find(string? name) => All.FirstOrDefault(a => a.Name == name);

    /// <summary>The reader's label of a stored algorithm name (the name itself if the product no longer knows it).</summary>
    public static string Label(string name) => Find(name)?.Label ?? name;
}

/// <summary>ECDSA over NIST P-256 with SHA-256 (FIPS 186-4), the default.</summary>
internal sealed class EcdsaP256Sha256 : SignatureAlgorithm
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    public override string Name => SignatureAlgorithms.EcdsaP256;
    public override string Label => "ECDSA P-256（SHA-256）";

    public override (byte[] PublicKey, byte[] PrivateKey) NewKey()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (ecdsa.ExportSubjectPublicKeyInfo(), ecdsa.ExportPkcs8PrivateKey());
    }

    public override byte[] Sign(byte[] privateKey, byte[] data)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(privateKey, out _);
        return ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public override bool Verify(byte[] publicKey, byte[] data, byte[] signature)
    {
        using var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportSubjectPublicKeyInfo(publicKey, out _);
            // Only P-256: the platform's OpenSSL would also take a key on another curve (SM2's included).
            return ecdsa.ExportParameters(false).Curve.Oid?.Value == P256Oid
                && ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public override string OpenSslCommand(string keyFile) => $"openssl dgst -sha256 -verify {keyFile} -signature sig.der payload.txt";
}

/// <summary>
/// SM2 digital signature (GB/T 32918.2, GM/T 0003.2) with the SM3 hash (GB/T 32905) on the curve sm2p256v1
/// (OID 1.2.156.10197.1.301), signer ID the default user ID of GM/T 0009 (<see cref="UserId"/>), as the
/// commercial-cryptography review (密评) expects. BouncyCastle does the arithmetic.
/// </summary>
internal sealed class Sm2WithSm3 : SignatureAlgorithm
{
    /// <summary>GM/T 0009 §10: the user ID when none is agreed (the 16 ASCII digits 1…8 twice).</summary>
    public const string UserId = "1234567812345678";
    private static readonly byte[] UserIdBytes = System.Text.Encoding.ASCII.GetBytes(UserId);

    public override string Name => SignatureAlgorithms.Sm2Sm3;
    public override string Label => "国密SM2/SM3";

    public override (byte[] PublicKey, byte[] PrivateKey) NewKey()
    {
        var domain = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, GMNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1));
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(domain, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        return (SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public).GetDerEncoded(),
            PrivateKeyInfoFactory.CreatePrivateKeyInfo(pair.Private).GetDerEncoded());
    }

    public override byte[] Sign(byte[] privateKey, byte[] data)
    {
        var key = (ECPrivateKeyParameters)PrivateKeyFactory.CreateKey(privateKey);
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(key, new SecureRandom()), UserIdBytes));
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    public override bool Verify(byte[] publicKey, byte[] data, byte[] signature)
    {
        ECPublicKeyParameters key;
        try
        {
            if (PublicKeyFactory.CreateKey(publicKey) is not ECPublicKeyParameters { Parameters: ECNamedDomainParameters named } k
                || !named.Name.Equals(GMObjectIdentifiers.sm2p256v1)) return false;
            key = k;
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or SecurityUtilityException)
        {
            return false;
        }
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(false, new ParametersWithID(key, UserIdBytes));
        signer.BlockUpdate(data, 0, data.Length);
        try
        {
            return signer.VerifySignature(signature);
        }
        catch (CryptoException)
        {
            return false;
        }
    }

    public override string OpenSslCommand(string keyFile) =>
        $"openssl dgst -sm3 -verify {keyFile} -sigopt distid:{UserId} -signature sig.der payload.txt";
}
