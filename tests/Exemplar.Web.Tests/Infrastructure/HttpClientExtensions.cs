using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Exemplar.Web.Tests.Infrastructure;

public static class HttpClientExtensions
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await response.ToDocumentAsync();
    }

    public static async Task<IDocument> ToDocumentAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    /// <summary>Loads the page, takes its antiforgery token, and posts the given fields like a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? postUrl = null, string formSelector = "main form[method=post]")
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelectorAll(formSelector).OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.QuerySelector("input[name=__RequestVerificationToken]") is not null)
            ?? throw new InvalidOperationException($"No form with an antiforgery token on {pageUrl}");
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        var action = postUrl ?? (string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!);
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Submits a form exactly as a browser would with nothing changed: every named input, select and textarea with its
    /// rendered value (checked boxes only), plus <paramref name="overrides"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsIsAsync(this HttpClient client, string pageUrl,
        IDictionary<string, string>? overrides = null, string formSelector = "main form[method=post]", string? postUrl = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelectorAll(formSelector).OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.QuerySelector("input[name=__RequestVerificationToken]") is not null)
            ?? throw new InvalidOperationException($"No form with an antiforgery token on {pageUrl}");
        var values = FormValues(form);
        if (overrides is not null)
        {
            values.RemoveAll(v => overrides.ContainsKey(v.Key));
            values.AddRange(overrides);
        }
        var action = postUrl ?? (string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!);
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>What a browser would send for <paramref name="form"/> as rendered: named inputs, selects and textareas (checked boxes only).</summary>
    public static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled")) continue;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) values.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file":
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
            }
        }
        return values;
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password) =>
        client.PostFormAsync("/Account/SignIn", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });

    /// <summary>The validation messages a person sees on the page.</summary>
    public static IReadOnlyList<string> Errors(this IDocument page) =>
        page.QuerySelectorAll("#errors li").Select(li => li.TextContent.Trim()).ToList();
}
