using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Ledger;

/// <summary>
/// Evidence files (issue 8 item 11) go through the shared upload inspector: the stored name agrees with the type found in
/// the content, bidi controls are stripped, active PDFs are refused, and downloads are attachments of the safe type.
/// </summary>
public sealed class EvidenceUploadTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private async Task<T> DbAsync<T>(Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    /// <summary>Records a service with one evidence file; returns the response and the carrier.</summary>
    private async Task<(HttpResponseMessage Response, Guid Carrier, HttpClient Client)> UploadAsync(string fileName, byte[] content, string place)
    {
        var carrier = await DbAsync(db => db.Set<Carrier>().Where(c => c.Name == "昆明五华创新创业园").Select(c => c.Id).SingleAsync());
        var client = await app.SignedInAsync("km.applicant");
        var page = await client.GetDocumentAsync($"/Base/{carrier}/Ledger/Edit");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("InformationService"), "Function" },
            { new StringContent("2025-05-20"), "Date" }, { new StringContent(place), "Place" }, { new StringContent("Event"), "Form" },
            { new StringContent("None"), "Topic" }, { new StringContent("8"), "PersonCount" }, { new StringContent("Free"), "Fee" },
            { new StringContent("某外部企业"), "OtherNames" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Files", fileName);
        return (await client.PostAsync($"/Base/{carrier}/Ledger/Edit", form), carrier, client);
    }

    private Task<LedgerAttachment> AttachmentAtAsync(string place) => DbAsync(db =>
        (from a in db.Set<LedgerAttachment>() join e in db.Set<LedgerEntry>() on a.EntryId equals e.Id where e.Place == place select a).SingleAsync());

    [Theory]
    [InlineData("report.html", "report.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.pdf")]  // displays as "invoiceexe.pdf" until the override is stripped
    [InlineData("C:\\fakepath\\..\\合同.PDF.bat", "合同.PDF.pdf")]
    public async Task A_pdf_is_stored_under_a_name_that_says_pdf(string uploaded, string stored)
    {
        var place = "佐证命名" + stored.Length + uploaded.Length;
        var (response, carrier, client) = await UploadAsync(uploaded, Pdf, place);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var attachment = await AttachmentAtAsync(place);
        Assert.Equal(stored, attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.DoesNotContain('\u202E', attachment.FileName);

        var download = await client.GetAsync($"/Base/{carrier}/Ledger/{attachment.EntryId}?handler=Attachment&attachmentId={attachment.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(stored, download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_png_that_is_also_html_is_kept_and_served_only_as_a_png_download()
    {
        var polyglot = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.Concat(Encoding.ASCII.GetBytes("<html><script>alert(document.cookie)</script></html>")).ToArray();
        var (response, carrier, client) = await UploadAsync("page.html", polyglot, "佐证多义文件");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var attachment = await AttachmentAtAsync("佐证多义文件");
        Assert.Equal("page.png", attachment.FileName);
        var download = await client.GetAsync($"/Base/{carrier}/Ledger/{attachment.EntryId}?handler=Attachment&attachmentId={attachment.Id}");
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task A_pdf_with_javascript_is_refused_and_nothing_is_saved()
    {
        var active = "%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        var (response, _, _) = await UploadAsync("年度报告.pdf", active, "佐证脚本文件");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ToDocumentAsync()).Errors(), e => e.Contains("含有脚本"));
        Assert.False(await DbAsync(db => db.Set<LedgerEntry>().AnyAsync(e => e.Place == "佐证脚本文件")));
    }
}
