using System.Text;
using Exemplar.Web.Features.Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace Exemplar.Web.Tests.Features.Certificates;

/// <summary>
/// The two certificate signature algorithms without the app: SM3 against the standard's own examples (GB/T 32905-2016
/// 附录A), SM2 signatures checked by code other than the product's (BouncyCastle's SM2 signer set up here, and OpenSSL 3
/// where the machine has it), tampering refused, and keys that do not cross algorithms.
/// </summary>
public sealed class SignatureAlgorithmTests
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("EXEMPLAR-CERTIFICATE-1\nnumber=ZS2026-000001\nbase=海淀中关村创业示范基地\nvalidUntil=none");
    private static SignatureAlgorithm Sm2 => SignatureAlgorithms.Find("SM2-SM3")!;
    private static SignatureAlgorithm Ecdsa => SignatureAlgorithms.Find("ECDSA-P256-SHA256")!;

    private static string Sm3Hex(byte[] data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data, 0, data.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }

    [Fact]
    public void Sm3_gives_the_hashes_of_the_standards_examples()
    {
        // GB/T 32905-2016 附录A.1: "abc".
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Sm3Hex("abc"u8.ToArray()));
        // 附录A.2: "abcd" repeated 16 times (512 bits).
        Assert.Equal("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732", Sm3Hex(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abcd", 16)))));
    }

    [Fact]
    public void An_sm2_signature_verifies_and_any_change_to_payload_or_signature_fails()
    {
        var (publicKey, privateKey) = Sm2.NewKey();
        var signature = Sm2.Sign(privateKey, Payload);
        Assert.True(Sm2.Verify(publicKey, Payload, signature));

        var payload = (byte[])Payload.Clone();
        payload[^1] ^= 0x01;
        Assert.False(Sm2.Verify(publicKey, payload, signature));
        var flipped = (byte[])signature.Clone();
        flipped[^2] ^= 0x01;
        Assert.False(Sm2.Verify(publicKey, Payload, flipped));
        Assert.False(Sm2.Verify(publicKey, Payload, [0x30, 0x03, 0x02, 0x01]));
        Assert.False(Sm2.Verify(publicKey, Payload, []));
        // Another SM2 key does not verify it either.
        Assert.False(Sm2.Verify(Sm2.NewKey().PublicKey, Payload, signature));
    }

    [Fact]
    public void Keys_and_signatures_of_one_algorithm_never_pass_as_the_other()
    {
        var sm2 = Sm2.NewKey();
        var ecdsa = Ecdsa.NewKey();
        var sm2Signature = Sm2.Sign(sm2.PrivateKey, Payload);
        var ecdsaSignature = Ecdsa.Sign(ecdsa.PrivateKey, Payload);
        Assert.True(Ecdsa.Verify(ecdsa.PublicKey, Payload, ecdsaSignature));
        Assert.False(Ecdsa.Verify(sm2.PublicKey, Payload, sm2Signature));
        Assert.False(Sm2.Verify(ecdsa.PublicKey, Payload, ecdsaSignature));
        Assert.False(Sm2.Verify(ecdsa.PublicKey, Payload, sm2Signature));
    }

    [Fact]
    public void The_sm2_public_key_names_the_sm2_curve_and_an_independent_signer_accepts_the_signature()
    {
        var (publicKey, privateKey) = Sm2.NewKey();
        var signature = Sm2.Sign(privateKey, Payload);

        // SubjectPublicKeyInfo: id-ecPublicKey (1.2.840.10045.2.1) with the named curve sm2p256v1 (1.2.156.10197.1.301, GM/T 0006).
        var spki = SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(publicKey));
        Assert.Equal("1.2.840.10045.2.1", spki.Algorithm.Algorithm.Id);
        Assert.Equal("1.2.156.10197.1.301", DerObjectIdentifier.GetInstance(spki.Algorithm.Parameters).Id);
        // DER SEQUENCE { INTEGER r, INTEGER s } (GM/T 0009 §7).
        var sequence = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(signature));
        Assert.Equal(2, sequence.Count);

        // BouncyCastle's SM2 signer, set up here with the GM/T 0009 default user ID; a different ID must not verify.
        bool Check(string userId)
        {
            var key = (ECPublicKeyParameters)PublicKeyFactory.CreateKey(publicKey);
            var signer = new SM2Signer(new SM3Digest());
            signer.Init(false, new ParametersWithID(key, Encoding.ASCII.GetBytes(userId)));
            signer.BlockUpdate(Payload, 0, Payload.Length);
            return signer.VerifySignature(signature);
        }
        Assert.True(Check("1234567812345678"));
        Assert.False(Check("ALICE123@YAHOO.COM"));

        if (OpenSsl.Available)
        {
            var pem = System.Security.Cryptography.PemEncoding.WriteString("PUBLIC KEY", publicKey);
            var (ok, output) = OpenSsl.VerifySm2(pem, Payload, signature);
            Assert.True(ok, output);
            Assert.Contains("Verified OK", output);
            var (tampered, _) = OpenSsl.VerifySm2(pem, [.. Payload, (byte)' '], signature);
            Assert.False(tampered);
        }
    }

    [Theory]
    [InlineData("ECDSA-P256-SHA256", true)]
    [InlineData("SM2-SM3", true)]
    [InlineData("sm2-sm3", false)]
    [InlineData("RSA-SHA256", false)]
    [InlineData("", false)]
    public void The_setting_accepts_only_the_algorithms_the_product_has(string value, bool valid)
    {
        var result = new CertificateOptionsValidation().Validate(null, new CertificateOptions { Algorithm = value });
        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Exemplar:Certificates:Algorithm", result.FailureMessage);
            Assert.Contains("应为以下之一：ECDSA-P256-SHA256、SM2-SM3", result.FailureMessage);
            Assert.Contains($"的值“{value}”无效", result.FailureMessage); // in Chinese, like the database setting's start-up message
        }
    }
}

/// <summary>OpenSSL 3 on the command line, as someone checking a certificate offline would run it.</summary>
internal static class OpenSsl
{
    public static bool Available => File.Exists("/usr/bin/openssl");

    /// <summary>Runs <c>openssl dgst -sm3 -verify key.pem -sigopt distid:1234567812345678 -signature sig.der payload.txt</c>.</summary>
    public static (bool Ok, string Output) VerifySm2(string pem, byte[] payload, byte[] signature) =>
        Run(pem, payload, signature, "dgst", "-sm3", "-verify", "key.pem", "-sigopt", "distid:1234567812345678", "-signature", "sig.der", "payload.txt");

    public static (bool Ok, string Output) VerifyEcdsa(string pem, byte[] payload, byte[] signature) =>
        Run(pem, payload, signature, "dgst", "-sha256", "-verify", "key.pem", "-signature", "sig.der", "payload.txt");

    private static (bool Ok, string Output) Run(string pem, byte[] payload, byte[] signature, params string[] args)
    {
        var dir = Directory.CreateTempSubdirectory("exemplar-openssl-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "key.pem"), pem);
            File.WriteAllBytes(Path.Combine(dir.FullName, "payload.txt"), payload);
            File.WriteAllBytes(Path.Combine(dir.FullName, "sig.der"), signature);
            var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/openssl") { WorkingDirectory = dir.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode == 0, output);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
