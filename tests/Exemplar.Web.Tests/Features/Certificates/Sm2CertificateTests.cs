using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Features.Notices;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Certificates;

/// <summary>The app with <c>Exemplar:Certificates:Algorithm = SM2-SM3</c>, over the demo data (whose certificates were signed with ECDSA).</summary>
public sealed class Sm2Factory : ExemplarFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Exemplar:Certificates:Algorithm", "SM2-SM3");
    }
}

/// <summary>
/// 国密 SM2/SM3 as a setting: new certificates are signed with SM2 and published keys say so; certificates signed under the
/// other setting keep verifying — an ECDSA one after the switch to SM2, and an SM2 one after switching back — because a
/// certificate names its key and a key its algorithm.
/// </summary>
public sealed class Sm2CertificateTests(Sm2Factory app) : IClassFixture<Sm2Factory>
{
    private Task<T> WithDbAsync<T>(IServiceProvider services, Func<ExemplarDbContext, Task<T>> f) => CertificatesTestData.WithDbAsync(services, f);

    [Fact]
    public async Task Certificates_of_either_algorithm_verify_whatever_the_setting_and_sm2_checks_offline()
    {
        using var _ = app.CreateClient();
        // Issued now, under SM2 (a Kunming base entered as an existing designation signs its certificate at once).
        var sm2 = await CertificatesTestData.EnterAsync(app.Services, "昆明五华创新创业园", "昆工信〔2025〕88号", new DateOnly(2025, 12, 1));
        Assert.Equal("SM2-SM3", sm2.Algorithm);
        var key = await WithDbAsync(app.Services, db => db.Set<SigningKey>().AsNoTracking().SingleAsync(k => k.Id == sm2.KeyId));
        Assert.Equal("SM2-SM3", key.Algorithm);

        var page = await app.Client().GetDocumentAsync(CertificatesTestData.QrPath(sm2));
        Assert.Equal("valid", page.QuerySelector("#verify-result")!.GetAttribute("data-outcome"));
        Assert.Contains("国密SM2/SM3", page.QuerySelector("#verify-result")!.TextContent);
        Assert.Contains("-sigopt distid:1234567812345678", page.QuerySelector("#verify-algorithm")!.TextContent);
        // The demo certificate signed with ECDSA before the switch still reads as genuine and valid, and says how it was signed.
        var demo = await CertificatesTestData.CertificateAsync(app.Services, "KM-2023-015");
        Assert.Equal("ECDSA-P256-SHA256", demo.Algorithm);
        var old = await app.Client().GetDocumentAsync(CertificatesTestData.QrPath(demo));
        Assert.Equal("valid", old.QuerySelector("#verify-result")!.GetAttribute("data-outcome"));
        Assert.Contains("ECDSA P-256", old.QuerySelector("#verify-algorithm")!.TextContent);

        // The API answers the same.
        var json = await app.Client().GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{sm2.Number}");
        Assert.Equal(("genuine", true, "valid", "SM2-SM3", "国密SM2/SM3"), (json.GetProperty("outcome").GetString(), json.GetProperty("signatureValid").GetBoolean(),
            json.GetProperty("status").GetString(), json.GetProperty("algorithm").GetString(), json.GetProperty("algorithmLabel").GetString()));

        // The keys page: both keys with their algorithm, the SM2 one signing new certificates, and both offline commands.
        var keys = await app.Client().GetDocumentAsync("/Verify/Keys");
        Assert.Equal("SM2-SM3", keys.QuerySelector($"[data-key='{sm2.KeyId}']")!.GetAttribute("data-algorithm"));
        Assert.Contains("当前用于签发新证书", keys.QuerySelector($"[data-key='{sm2.KeyId}'] h2")!.TextContent);
        Assert.DoesNotContain("当前用于签发新证书", keys.QuerySelector($"[data-key='{demo.KeyId}'] h2")!.TextContent);
        Assert.Contains("国密SM2/SM3", keys.QuerySelector("#configured-algorithm")!.TextContent);
        var commands = keys.QuerySelector("#offline-commands")!.TextContent;
        Assert.Contains("openssl dgst -sm3 -verify 密钥编号.pem -sigopt distid:1234567812345678 -signature sig.der payload.txt", commands);
        Assert.Contains("openssl dgst -sha256 -verify 密钥编号.pem -signature sig.der payload.txt", commands);

        // Offline, as the keys page tells: the published PEM, the QR code's p and s, OpenSSL 3 (or BouncyCastle's signer set up here).
        var pem = await app.Client().GetStringAsync($"/Verify/Keys/{sm2.KeyId}.pem");
        var payload = Encoding.UTF8.GetBytes(sm2.Payload);
        Assert.True(CertificatesTestData.IndependentSm2Check(pem, payload, sm2.Signature));
        Assert.False(CertificatesTestData.IndependentSm2Check(pem, Encoding.UTF8.GetBytes(sm2.Payload.Replace("validUntil=2028-12-01", "validUntil=2035-12-31")), sm2.Signature));
        if (OpenSsl.Available)
        {
            var (ok, output) = OpenSsl.VerifySm2(pem, payload, sm2.Signature);
            Assert.True(ok, output);
            Assert.False(OpenSsl.VerifySm2(pem, Encoding.UTF8.GetBytes(sm2.Payload + "\n"), sm2.Signature).Ok);
            var demoPem = await app.Client().GetStringAsync($"/Verify/Keys/{demo.KeyId}.pem");
            Assert.True(OpenSsl.VerifyEcdsa(demoPem, Encoding.UTF8.GetBytes(demo.Payload), demo.Signature).Ok);
        }

        // A tampered SM2 signature reads as such.
        var forged = (byte[])sm2.Signature.Clone();
        forged[^3] ^= 0x01;
        var tampered = await app.Client().GetDocumentAsync($"/Verify/{sm2.Number}?p={CertificatePayload.ToBase64Url(payload)}&s={CertificatePayload.ToBase64Url(forged)}");
        Assert.Equal("tampered", tampered.QuerySelector("#verify-result")!.GetAttribute("data-outcome"));

        // Switched back to ECDSA (another instance on the same database): the SM2 certificate still verifies, new ones are ECDSA.
        using var ecdsaApp = app.WithWebHostBuilder(b => b.UseSetting("Exemplar:Certificates:Algorithm", "ECDSA-P256-SHA256"));
        var client = ecdsaApp.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal("valid", (await client.GetDocumentAsync(CertificatesTestData.QrPath(sm2))).QuerySelector("#verify-result")!.GetAttribute("data-outcome"));
        var ecdsa = await CertificatesTestData.EnterAsync(ecdsaApp.Services, "盘龙众创空间", "昆工信〔2025〕89号", new DateOnly(2025, 12, 1));
        Assert.Equal("ECDSA-P256-SHA256", ecdsa.Algorithm);
        Assert.NotEqual(demo.KeyId, sm2.KeyId);
        Assert.Equal(demo.KeyId, ecdsa.KeyId); // the newest ECDSA key signs again
        Assert.Contains("ECDSA P-256", (await client.GetDocumentAsync("/Verify/Keys")).QuerySelector("#configured-algorithm")!.TextContent);
        // … and the SM2 instance verifies the new ECDSA certificate.
        Assert.Equal("valid", (await app.Client().GetDocumentAsync(CertificatesTestData.QrPath(ecdsa))).QuerySelector("#verify-result")!.GetAttribute("data-outcome"));
    }

    [Fact]
    public void An_unknown_algorithm_stops_the_start_up_with_a_clear_message()
    {
        using var bad = app.WithWebHostBuilder(b => b.UseSetting("Exemplar:Certificates:Algorithm", "RSA-SHA256"));
        var e = Record.Exception(() => bad.CreateClient());
        Assert.NotNull(e);
        var messages = string.Join(" | ", Flatten(e));
        Assert.Contains("配置项 Exemplar:Certificates:Algorithm 的值“RSA-SHA256”无效，应为以下之一：ECDSA-P256-SHA256、SM2-SM3", messages);
    }

    private static IEnumerable<string> Flatten(Exception e)
    {
        yield return e.Message;
        if (e is AggregateException a) foreach (var inner in a.InnerExceptions) foreach (var m in Flatten(inner)) yield return m;
        else if (e.InnerException is { } i) foreach (var m in Flatten(i)) yield return m;
    }
}

/// <summary>Certificates made and read for tests.</summary>
internal static class CertificatesTestData
{
    public static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    public static Task<IssuedCertificate> CertificateAsync(IServiceProvider services, string number) =>
        WithDbAsync(services, db => db.Set<IssuedCertificate>().AsNoTracking().SingleAsync(c => c.Number == number));

    public static string QrPath(IssuedCertificate c) =>
        $"/Verify/{Uri.EscapeDataString(c.Number)}?p={CertificatePayload.ToBase64Url(Encoding.UTF8.GetBytes(c.Payload))}&s={CertificatePayload.ToBase64Url(c.Signature)}";

    /// <summary>An existing Kunming designation (3 years, 昆明第十五条) entered by km.city, with its certificate signed as the app is set up.</summary>
    public static async Task<IssuedCertificate> EnterAsync(IServiceProvider services, string baseName, string announcement, DateOnly announcedOn)
    {
        var who = await new NoticeTestData(services).PrincipalAsync("km.city");
        var carrier = await WithDbAsync(services, db => db.Set<Carrier>().Where(c => c.Name == baseName).Select(c => c.Id).SingleAsync());
        using var scope = services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<EnterDesignationHandler>().HandleAsync(new EnterDesignationCommand(
            new ExistingDesignationInput(carrier, "kunming-base-2022", null, announcement, announcedOn, null, null, null, null, null, null, null), who), default);
        Assert.True(result.Ok, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        return await WithDbAsync(services, db => db.Set<IssuedCertificate>().AsNoTracking().SingleAsync(c => c.DesignationId == result.Id));
    }

    /// <summary>SM2 with SM3 and the GM/T 0009 default user ID, by BouncyCastle's signer set up here rather than the product's class.</summary>
    public static bool IndependentSm2Check(string pem, byte[] payload, byte[] signature)
    {
        var der = Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))).Trim());
        var key = (Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters)Org.BouncyCastle.Security.PublicKeyFactory.CreateKey(der);
        var signer = new Org.BouncyCastle.Crypto.Signers.SM2Signer(new Org.BouncyCastle.Crypto.Digests.SM3Digest());
        signer.Init(false, new Org.BouncyCastle.Crypto.Parameters.ParametersWithID(key, "1234567812345678"u8.ToArray()));
        signer.BlockUpdate(payload, 0, payload.Length);
        return signer.VerifySignature(signature);
    }
}
