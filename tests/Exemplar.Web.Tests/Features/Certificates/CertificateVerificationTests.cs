using System.Net;
using System.Security.Cryptography;
using System.Text;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Certificates;

/// <summary>
/// The demo certificates (昆明 KM-2023-015: announced 2023-12-15, 3 years → last valid day 2026-12-15; 西藏 XZ-2024-003:
/// 2024-03-01 → 2027-03-01; 北京 BJ-2024-021: no period) read through the page their QR code opens.
/// </summary>
public sealed class CertificateVerificationTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    /// <summary>Moves the app's clock to the moment, forwards or back (FakeTimeProvider only steps forward by itself).</summary>
    private void SetClock(DateTimeOffset utc) => app.Clock.AdjustTime(utc);

    private static DateTimeOffset Beijing(int y, int m, int d, int h = 9, int min = 0, int s = 0) => new(y, m, d, h, min, s, TimeSpan.FromHours(8));

    private async Task<T> WithDbAsync<T>(Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    private Task<IssuedCertificate> CertificateAsync(string number) => WithDbAsync(db => db.Set<IssuedCertificate>().AsNoTracking().SingleAsync(c => c.Number == number));

    private static string QrPath(IssuedCertificate c) =>
        $"/Verify/{Uri.EscapeDataString(c.Number)}?p={CertificatePayload.ToBase64Url(Encoding.UTF8.GetBytes(c.Payload))}&s={CertificatePayload.ToBase64Url(c.Signature)}";

    private async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> OpenAsync(string path)
    {
        var response = await app.Client().GetAsync(path);
        return (response, await response.ToDocumentAsync());
    }

    [Fact]
    public async Task A_valid_certificate_reads_as_genuine_and_valid_and_is_never_cached()
    {
        SetClock(Beijing(2026, 11, 21).ToUniversalTime());
        var c = await CertificateAsync("KM-2023-015");
        var (response, page) = await OpenAsync(QrPath(c));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var result = page.QuerySelector("#verify-result")!;
        Assert.Equal("valid", result.GetAttribute("data-outcome"));
        Assert.Contains("证书真实，称号在有效期内", result.TextContent);
        var facts = page.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("五华科技创业示范园", facts);
        Assert.Contains("昆明市小型微型企业创业创新示范基地", facts);
        Assert.Contains("2023年12月15日至2026年12月15日", facts);
        // The number alone (typed in) reads the same.
        Assert.Equal("valid", (await OpenAsync("/Verify/KM-2023-015")).Page.QuerySelector("#verify-result")!.GetAttribute("data-outcome"));
    }

    [Fact]
    public async Task The_title_expires_at_midnight_beijing_time_after_its_last_day_by_itself()
    {
        var path = QrPath(await CertificateAsync("KM-2023-015"));
        SetClock(Beijing(2026, 12, 15, 23, 59, 59).ToUniversalTime());
        Assert.Equal("valid", (await OpenAsync(path)).Page.QuerySelector("#verify-result")!.GetAttribute("data-outcome"));
        SetClock(Beijing(2026, 12, 16, 0, 0, 0).ToUniversalTime());
        var result = (await OpenAsync(path)).Page.QuerySelector("#verify-result")!;
        Assert.Equal("expired", result.GetAttribute("data-outcome"));
        Assert.Contains("证书真实，但称号已于2026年12月15日期满", result.TextContent);
        SetClock(Beijing(2026, 11, 21).ToUniversalTime());
    }

    [Fact]
    public async Task A_revoked_title_reads_as_revoked_at_once()
    {
        SetClock(Beijing(2026, 11, 21).ToUniversalTime());
        var c = await CertificateAsync("XZ-2024-003");
        Assert.Equal("valid", (await OpenAsync(QrPath(c))).Page.QuerySelector("#verify-result")!.GetAttribute("data-outcome"));
        await WithDbAsync(async db =>
        {
            var d = await db.Set<Designation>().SingleAsync(x => x.Id == c.DesignationId);
            d.RevokedOn = new DateOnly(2026, 11, 20);
            d.RevocationCitation = "第十八条";
            db.Actor.Operation = "测试.撤销";
            return await db.SaveChangesAsync();
        });
        var (response, page) = await OpenAsync(QrPath(c));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = page.QuerySelector("#verify-result")!;
        Assert.Equal("revoked", result.GetAttribute("data-outcome"));
        Assert.Contains("证书真实，但称号已于2026年11月20日被撤销", result.TextContent);
        Assert.Contains("已撤销", page.QuerySelector("dl.facts")!.TextContent);
    }

    [Fact]
    public async Task A_tampered_signature_or_payload_is_refused_in_chinese()
    {
        var c = await CertificateAsync("BJ-2024-021");
        var signature = (byte[])c.Signature.Clone();
        signature[^3] ^= 0x01;
        var forgedSignature = $"/Verify/{c.Number}?p={CertificatePayload.ToBase64Url(Encoding.UTF8.GetBytes(c.Payload))}&s={CertificatePayload.ToBase64Url(signature)}";
        var forgedPayload = $"/Verify/{c.Number}?p={CertificatePayload.ToBase64Url(Encoding.UTF8.GetBytes(c.Payload.Replace("validUntil=none", "validUntil=2035-12-31")))}&s={CertificatePayload.ToBase64Url(c.Signature)}";
        foreach (var path in new[] { forgedSignature, forgedPayload, $"/Verify/{c.Number}?p=%%%&s=abc" })
        {
            var page = (await OpenAsync(path)).Page;
            var result = page.QuerySelector("#verify-result")!;
            Assert.Equal("tampered", result.GetAttribute("data-outcome"));
            Assert.Contains("签名核验未通过", result.TextContent);
            Assert.DoesNotContain("证书真实", page.Body!.TextContent);
        }
        // A record altered in the database after signing (the stored signature no longer matches) reads the same.
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE certificates SET payload = replace(payload, 'base=', 'base=伪') WHERE number = 'LC-2022-007'"));
        Assert.Equal("tampered", (await OpenAsync("/Verify/LC-2022-007")).Page.QuerySelector("#verify-result")!.GetAttribute("data-outcome"));
    }

    [Fact]
    public async Task An_unknown_number_is_a_chinese_404()
    {
        var (response, page) = await OpenAsync("/Verify/KM-2099-999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown", page.QuerySelector("#verify-result")!.GetAttribute("data-outcome"));
        Assert.Contains("未找到证书编号为“KM-2099-999”的证书", page.QuerySelector("#verify-result")!.TextContent);
        var typed = await app.Client().GetAsync("/Verify?q=KM-2023-015");
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        Assert.Equal("/Verify/KM-2023-015", typed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Anyone_can_check_a_certificate_offline_with_the_published_key()
    {
        var c = await CertificateAsync("KM-2023-015");
        var pem = await app.Client().GetStringAsync($"/Verify/Keys/{c.KeyId}.pem");
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        Assert.Equal(256, key.KeySize);
        Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(c.Payload), c.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.False(key.VerifyData(Encoding.UTF8.GetBytes(c.Payload + " "), c.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var lines = c.Payload.Split('\n');
        Assert.Equal(["EXEMPLAR-CERTIFICATE-1", "number=KM-2023-015", "title=昆明市小型微型企业创业创新示范基地", "base=五华科技创业示范园",
            "programme=kunming-base-2022", "announcement=昆工信〔2023〕215号", "validFrom=2023-12-15", "validUntil=2026-12-15", $"issuedOn={c.IssuedOn:yyyy-MM-dd}", $"key={c.KeyId}"], lines);
        var keys = await app.Client().GetDocumentAsync("/Verify/Keys");
        Assert.Contains(c.KeyId, keys.Body!.TextContent);
        Assert.Contains("BEGIN PUBLIC KEY", keys.Body.TextContent);
    }

    [Fact]
    public async Task The_printed_certificate_carries_the_number_and_the_signed_qr_url()
    {
        var id = await WithDbAsync(db => (from d in db.Set<Designation>() join k in db.Set<Carrier>() on d.CarrierId equals k.Id where k.Name == "五华科技创业示范园" select d.Id).SingleAsync());
        var city = await app.SignedInAsync("km.city");
        var response = await city.GetAsync($"/Designations/{id}/Certificate");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("证书编号：KM-2023-015", xml);
        Assert.Contains("2026年12月15日", xml);
        Assert.Contains("blip", xml); // the QR code picture
    }
}
