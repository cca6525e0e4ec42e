using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.ChangeFilings;

/// <summary>Posting the case forms (some with files) as a browser does, and reading the records behind them.</summary>
public static class CaseForms
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>Multipart post of the page's form with the given fields and files; the antiforgery token from the page.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, IEnumerable<(string Name, string Value)> fields,
        IEnumerable<(string Field, string FileName, byte[] Content)>? files = null, string? action = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>()
            .First(f => action is null || f.GetAttribute("action") == action);
        var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        foreach (var (field, fileName, bytes) in files ?? []) content.Add(new ByteArrayContent(bytes), field, fileName);
        return await client.PostAsync(action ?? (string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!), content);
    }

    public static Guid IdFrom(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    public static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    /// <summary>The demo designation of a demo base (entered by the demo seeder).</summary>
    public static Task<(Guid Designation, Guid Carrier)> DemoAsync(IServiceProvider services, string baseName) => WithDbAsync(services, async db =>
        await (from d in db.Set<Designation>() join c in db.Set<Carrier>() on d.CarrierId equals c.Id where c.Name == baseName
               select new ValueTuple<Guid, Guid>(d.Id, c.Id)).SingleAsync());
}
