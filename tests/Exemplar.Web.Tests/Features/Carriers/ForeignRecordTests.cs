using System.Net;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Carriers;

/// <summary>
/// Another carrier's record id under one's own carrier's URL (issue 8 items 8–9): 404 on every code path — a valid post
/// (was a 500 from "not in scope"), an invalid post (re-rendered the other entry's attachment names, ids and sizes), a
/// GET — and nothing of that record on the page.
/// </summary>
public sealed class ForeignRecordTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private async Task<T> DbAsync<T>(Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    private Task<Guid> CarrierAsync(string name) => DbAsync(db => db.Set<Carrier>().Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task A_valid_post_with_another_carriers_enterprise_id_is_a_404_and_changes_nothing()
    {
        var own = await CarrierAsync("昆明五华创新创业园");
        var other = await CarrierAsync("盘龙众创空间");
        var ownEnterprise = await DbAsync(db => db.Set<ResidentEnterprise>().Where(e => e.CarrierId == own).OrderBy(e => e.Name).Select(e => e.Id).FirstAsync());
        var foreign = await DbAsync(db => db.Set<ResidentEnterprise>().Where(e => e.CarrierId == other).OrderBy(e => e.Name).FirstAsync());
        var client = await app.SignedInAsync("km.applicant");

        // The own enterprise's form, complete and valid, posted to the foreign enterprise's id.
        var page = await client.GetDocumentAsync($"/Base/{own}/Enterprises/Edit/{ownEnterprise}");
        var form = page.QuerySelector("main form[method=post]")!;
        var fields = form.QuerySelectorAll("input[name], select[name]").Where(e => e.GetAttribute("type") is not ("checkbox" or "submit"))
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e is AngleSharp.Html.Dom.IHtmlSelectElement s ? s.Value ?? "" : e.GetAttribute("value") ?? ""))
            .Where(kv => kv.Key != "Name").Append(new("Name", "被篡改的企业名称")).ToList();
        var response = await client.PostAsync($"/Base/{own}/Enterprises/Edit/{foreign.Id}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(foreign.Name, await DbAsync(db => db.Set<ResidentEnterprise>().Where(e => e.Id == foreign.Id).Select(e => e.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_invalid_post_to_another_carriers_ledger_entry_shows_nothing_of_it()
    {
        var own = await CarrierAsync("昆明五华创新创业园");
        var other = await CarrierAsync("盘龙众创空间");
        // The other operator adds evidence to one of its entries.
        var otherEntry = await DbAsync(db => db.Set<LedgerEntry>().Where(e => e.CarrierId == other).OrderBy(e => e.Date).Select(e => e.Id).FirstAsync());
        var otherOperator = await app.SignedInAsync("km.applicant2");
        var editUrl = $"/Base/{other}/Ledger/Edit/{otherEntry}";
        var editPage = await otherOperator.GetDocumentAsync(editUrl);
        var fields = new MultipartFormDataContent();
        foreach (var input in editPage.QuerySelectorAll("main form input[name]").Where(i => i.GetAttribute("type") is "hidden" or "number" or "date" or "text" or null))
            fields.Add(new StringContent(input.GetAttribute("value") ?? ""), input.GetAttribute("name")!);
        foreach (var select in editPage.QuerySelectorAll("main form select[name]").OfType<AngleSharp.Html.Dom.IHtmlSelectElement>())
            fields.Add(new StringContent(select.Value ?? ""), select.Name!);
        foreach (var box in editPage.QuerySelectorAll("main form input[type=checkbox][checked]"))
            fields.Add(new StringContent(box.GetAttribute("value")!), box.GetAttribute("name")!);
        var pdf = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray());
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        fields.Add(pdf, "Files", "盘龙机密合同.pdf");
        Assert.Equal(HttpStatusCode.Redirect, (await otherOperator.PostAsync(editUrl, fields)).StatusCode);
        var attachmentId = await DbAsync(db => db.Set<LedgerAttachment>().Where(a => a.EntryId == otherEntry).Select(a => a.Id).SingleAsync());

        // The first operator posts an invalid form (no place) under its own carrier, naming the other entry.
        var client = await app.SignedInAsync("km.applicant");
        var response = await client.PostFormAsync($"/Base/{own}/Ledger/Edit", new Dictionary<string, string>
        {
            ["Function"] = "InformationService", ["Date"] = "2025-05-01", ["Place"] = "", ["Form"] = "Event", ["PersonCount"] = "3",
        }, postUrl: $"/Base/{own}/Ledger/Edit/{otherEntry}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("盘龙机密合同", body);
        Assert.DoesNotContain(attachmentId.ToString(), body);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Base/{own}/Ledger/Edit/{otherEntry}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Base/{own}/Ledger/Edit/{otherEntry}?handler=Attachment&attachmentId={attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Base/{own}/Delete/Attachment/{attachmentId}")).StatusCode);
    }

    [Fact]
    public async Task A_delete_post_naming_another_carriers_record_is_a_404()
    {
        var own = await CarrierAsync("昆明五华创新创业园");
        var other = await CarrierAsync("盘龙众创空间");
        var foreign = await DbAsync(db => db.Set<ResidentEnterprise>().Where(e => e.CarrierId == other).OrderBy(e => e.Name).Select(e => e.Id).FirstAsync());
        var ownEnterprise = await DbAsync(db => db.Set<ResidentEnterprise>().Where(e => e.CarrierId == own).OrderBy(e => e.Name).Select(e => e.Id).FirstAsync());
        var client = await app.SignedInAsync("km.applicant");
        var response = await client.PostFormAsync($"/Base/{own}/Delete/Enterprise/{ownEnterprise}", new Dictionary<string, string> { ["Version"] = "0" },
            postUrl: $"/Base/{own}/Delete/Enterprise/{foreign}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await DbAsync(db => db.Set<ResidentEnterprise>().AnyAsync(e => e.Id == foreign)));
    }
}
