using System.IO.Compression;
using System.Net;
using Exemplar.Web.Tests.Infrastructure;

namespace Exemplar.Web.Tests.Features.Certificates;

/// <summary>The operator of a designated base sees its title and downloads its certificate; another operator sees an empty list.</summary>
public sealed class OwnCertificatesTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    [Fact]
    public async Task The_operator_downloads_its_own_certificate_with_the_number_on_it()
    {
        var client = await app.SignedInAsync("km.applicant");
        var page = await (await client.GetAsync("/Certificates/Own")).ToDocumentAsync();
        var row = page.QuerySelector("#own-designations tbody tr")!;
        // 昆工信〔2023〕215号, announced 2023-12-15, 3 years (昆明第十五条) → 2026-12-15; the demo clock is 2026-11-21.
        Assert.Contains("五华科技创业示范园", row.TextContent);
        Assert.Contains("昆工信〔2023〕215号", row.TextContent);
        Assert.Contains("2026年12月15日", row.TextContent);
        Assert.Contains("有效", row.TextContent);
        var download = row.QuerySelectorAll("a").Single(a => a.TextContent == "下载证书").GetAttribute("href")!;

        using var response = await client.GetAsync(download);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("KM-2023-015", xml);
        Assert.Contains("五华科技创业示范园", xml);
    }

    [Fact]
    public async Task An_operator_without_a_title_sees_an_empty_list_and_cannot_fetch_another_operators_certificate()
    {
        var own = await (await (await app.SignedInAsync("km.applicant")).GetAsync("/Certificates/Own")).ToDocumentAsync();
        var download = own.QuerySelectorAll("#own-designations a").Single(a => a.TextContent == "下载证书").GetAttribute("href")!;

        var other = await app.SignedInAsync("km.applicant2");
        var page = await (await other.GetAsync("/Certificates/Own")).ToDocumentAsync();
        Assert.NotNull(page.QuerySelector("#own-empty"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(download)).StatusCode);
    }
}
