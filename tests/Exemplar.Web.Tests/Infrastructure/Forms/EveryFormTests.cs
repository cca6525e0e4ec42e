using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Exemplar.Web.Tests.Security;
using Npgsql;
using Xunit.Abstractions;

namespace Exemplar.Web.Tests.Infrastructure.Forms;

/// <summary>
/// Every form of every page, found the way the authorization matrix finds endpoints: each page the matrix lists is
/// opened by every role that may open it, and each form with something to fill in is posted twice — empty, and with
/// wrong types in every field (text in numbers, impossible dates, options not in the list, oversized text). Each
/// answer must be in Chinese only (no English framework message anywhere in the page) and must have saved nothing
/// (no audit row, since every state change is audited). A new page's forms are covered without a line here.
/// </summary>
public sealed partial class EveryFormTests(ExemplarFactory app, ITestOutputHelper output) : IClassFixture<ExemplarFactory>
{
    /// <summary>
    /// Forms whose every field is optional, so that posting them empty is the action itself (not a refused form):
    /// issuing this round's survey links with the default expiry, and clearing a sample's answers.
    /// Wrong types are refused on these forms like on every other.
    /// </summary>
    private static readonly HashSet<string> EmptyIsTheAction = ["/Base/{id:guid}/Surveys", "/Base/{id:guid}/Sampling/{sampleId:guid}",
        // 修订 of a submitted summary has no fields: posting it opens the next version.
        "/AnnualSummaries/{id:guid}/{handler?}"];

    /// <summary>
    /// Forms that answer with a result on the same page instead of saving (the self-check evaluates a profile); a 200
    /// without messages is their normal answer. Their ranges are tested with the self-check itself.
    /// </summary>
    private static readonly HashSet<string> ShowsAResult = ["/Policies/SelfCheck"];

    // One more than the longest text any form takes (a call's 通知正文, CallLimits.Body = 20,000).
    private static readonly string OversizedText = new('字', 20_001);

    private static IReadOnlyList<MatrixRow> Pages() => typeof(AuthorizationMatrixTests).Assembly.GetTypes()
        .Where(t => typeof(IMatrixRows).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .SelectMany(t => ((IMatrixRows)Activator.CreateInstance(t)!).Rows)
        .Where(r => r.Method == "GET" && !r.Route.StartsWith("/api/", StringComparison.Ordinal) && !r.Route.StartsWith("/health", StringComparison.Ordinal))
        .ToList();

    private sealed record FoundForm(string Route, string PageUrl, string? UserName, string Action, IReadOnlyList<Field> Fields, string Token);

    private sealed record Field(string Name, string Kind, string Value, bool Visible);

    [Fact]
    public async Task Every_form_posted_empty_or_with_wrong_types_answers_in_Chinese_and_saves_nothing()
    {
        var (forms, englishOnPages) = await FindFormsAsync();
        output.WriteLine($"{forms.Count} forms: " + string.Join(", ", forms.Select(f => $"{f.Route} ({f.UserName ?? "anonymous"})")));
        Assert.True(forms.Count >= 15, $"Only {forms.Count} forms found; the enumeration is broken.");

        var failures = new List<string>(englishOnPages);
        foreach (var form in forms)
        {
            var client = form.UserName is null ? app.Client() : await app.SignedInAsync(form.UserName);
            var cases = new List<(string Label, List<KeyValuePair<string, string>> Values)> { ("empty", Empty(form)) };
            // One field at a time wrong, the others as the page rendered them (an edit form as rendered is a valid record).
            cases.AddRange(form.Fields.Where(f => f.Visible).DistinctBy(f => f.Name).Select(f => ($"“{f.Name}” = {Shorten(WrongValue(f))}", WrongTypeIn(form, f))));
            foreach (var (label, values) in cases)
            {
                var page = await client.GetDocumentAsync(form.PageUrl);
                var token = page.QuerySelectorAll<IHtmlInputElement>("input[name=__RequestVerificationToken]").FirstOrDefault()?.Value ?? form.Token;
                var before = await LastAuditIdAsync();
                var errorsBefore = app.ServerErrors.Count;
                using var response = await client.PostAsync(form.Action, new FormUrlEncodedContent([.. values, new("__RequestVerificationToken", token)]));
                var where = $"{form.Route} as {form.UserName ?? "anonymous"}, posted {label} to {form.Action}";
                if ((int)response.StatusCode >= 500) { failures.Add($"{where}: server error {(int)response.StatusCode}\n{app.ServerErrors.Since(errorsBefore)}"); continue; }
                var saved = await AuditRowsSinceAsync(before);
                if (saved.Count > 0 && !(label == "empty" && EmptyIsTheAction.Contains(form.Route)))
                    failures.Add($"{where}: saved {string.Join(", ", saved)}");
                if (response.Content.Headers.ContentType?.MediaType == "text/html")
                {
                    var doc = await response.ToDocumentAsync();
                    var errors = doc.Errors();
                    failures.AddRange(EnglishIn(doc).Select(e => $"{where}: English text “{e}”"));
                    failures.AddRange(errors.Where(e => !e.Any(c => c is >= '\u4e00' and <= '\u9fff')).Select(e => $"{where}: message without Chinese “{e}”"));
                    if (label != "empty" && !ShowsAResult.Contains(form.Route) && (int)response.StatusCode == 200 && errors.Count == 0 && saved.Count == 0)
                        failures.Add($"{where}: refused without a message");
                }
            }
        }
        output.WriteLine($"{forms.Sum(f => 1 + f.Fields.Where(x => x.Visible).DistinctBy(x => x.Name).Count())} posts");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
    }

    /// <summary>The forms of every page, and any English text on the pages themselves as every role sees them.</summary>
    private async Task<(List<FoundForm> Forms, List<string> English)> FindFormsAsync()
    {
        var found = new Dictionary<string, FoundForm>();
        var english = new List<string>();
        foreach (var (role, userName) in AuthorizationMatrixTests.Personas)
        {
            var client = userName is null ? app.Client() : await app.SignedInAsync(userName);
            foreach (var row in Pages().Where(r => r.For(role) is Access.Allow or Access.Own))
            {
                var url = row.Sample is null ? row.Route : (await row.Sample(app.Services, userName ?? "km.applicant")).OwnUrl;
                if (url.Contains('{')) continue;
                using var response = await client.GetAsync(url);
                if (response.Content.Headers.ContentType?.MediaType != "text/html" || !response.IsSuccessStatusCode) continue;
                var doc = await response.ToDocumentAsync();
                var forms = doc.QuerySelectorAll<IHtmlFormElement>("form[method=post]").ToList();
                english.AddRange(EnglishIn((IDocument)doc.Clone()).Select(e => $"GET {url} as {userName ?? "anonymous"}: English text “{e}”"));
                foreach (var search in doc.QuerySelectorAll<IHtmlFormElement>("form:not([method=post])"))
                {
                    // A search form submitted with every field blank, then with wrong types: read in Chinese, never a crash.
                    var action = string.IsNullOrEmpty(search.GetAttribute("action")) ? url.Split('?')[0] : search.GetAttribute("action")!;
                    foreach (var blank in new[] { true, false })
                    {
                        var query = string.Join("&", Fields(search).Where(f => f.Visible).DistinctBy(f => f.Name)
                            .Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(blank ? "" : WrongValue(f) is var v && v.Length > 100 ? v[..100] : WrongValue(f))}"));
                        using var answer = await client.GetAsync($"{action}?{query}");
                        if ((int)answer.StatusCode >= 500) english.Add($"GET {action}?{query} as {userName ?? "anonymous"}: server error {(int)answer.StatusCode}");
                        else if (answer.Content.Headers.ContentType?.MediaType == "text/html")
                            english.AddRange(EnglishIn(await answer.ToDocumentAsync()).Select(e => $"GET {action}?{query} as {userName ?? "anonymous"}: English text “{e}”"));
                    }
                }
                foreach (var form in forms)
                {
                    var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value;
                    if (token is null) continue;
                    var fields = Fields(form);
                    if (!fields.Any(f => f.Visible)) continue; // a button (sign out, mark as read, verify the chain), not a form to fill in
                    var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
                    var key = $"{row.Route} {Regex.Replace(action, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}")} {string.Join(",", fields.Select(f => f.Name))}";
                    found.TryAdd(key, new FoundForm(row.Route, url, userName, action, fields, token));
                }
            }
        }
        return ([.. found.Values], english);
    }

    private static List<Field> Fields(IHtmlFormElement form)
    {
        var fields = new List<Field>();
        foreach (var e in form.Elements)
        {
            var name = e.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken" || e.HasAttribute("disabled")) continue;
            switch (e)
            {
                case IHtmlInputElement i when i.Type is "submit" or "button" or "file" or "reset":
                    break;
                case IHtmlInputElement i:
                    fields.Add(new Field(name, i.Type, i.Type is "checkbox" or "radio" ? (i.IsChecked ? i.Value : "") : i.Value, i.Type != "hidden"));
                    break;
                case IHtmlSelectElement s:
                    fields.Add(new Field(name, "select", s.Value ?? "", true));
                    break;
                case IHtmlTextAreaElement t:
                    fields.Add(new Field(name, "textarea", t.Value, true));
                    break;
            }
        }
        return fields;
    }

    /// <summary>Every visible field blank (hidden fields such as the record's version as rendered).</summary>
    private static List<KeyValuePair<string, string>> Empty(FoundForm form) =>
        [.. form.Fields.Where(f => !f.Visible).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)),
         .. form.Fields.Where(f => f.Visible && f.Kind is not ("checkbox" or "radio")).Select(f => new KeyValuePair<string, string>(f.Name, ""))];

    /// <summary>The form as rendered (checked boxes only), with a value of the wrong type in <paramref name="wrong"/>.</summary>
    private static List<KeyValuePair<string, string>> WrongTypeIn(FoundForm form, Field wrong) =>
        [.. form.Fields.Where(f => f.Name != wrong.Name && !(f.Kind is "checkbox" or "radio" && f.Value == "")).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)),
         new(wrong.Name, WrongValue(wrong))];

    /// <summary>Text in a number, an impossible date, an option that is not in the list, oversized text.</summary>
    private static string WrongValue(Field f) => f.Kind switch
    {
        "number" => "十二",
        "date" => "2025-02-30",
        "select" or "radio" or "checkbox" => "999999",
        _ => OversizedText,
    };

    private static string Shorten(string s) => s.Length > 12 ? s[..12] + "…" : s;

    private static IEnumerable<string> EnglishIn(IDocument doc)
    {
        foreach (var e in doc.QuerySelectorAll("script, style, code, .mono, input, textarea, select")) e.Remove();
        var text = Regex.Replace(doc.Body?.TextContent ?? "", @"\s+", " ");
        return EnglishWords().Matches(text).Select(m => m.Value).Distinct();
    }

    /// <summary>Three or more English words in a row (a sentence such as “The Sort field is required.”).</summary>
    [GeneratedRegex(@"\b[A-Za-z]{2,}(?:[ ,.'’]+[A-Za-z]{2,}){2,}")]
    private static partial Regex EnglishWords();

    private async Task<long> LastAuditIdAsync()
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT coalesce(max(id), 0) FROM audit_entries", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> AuditRowsSinceAsync(long id)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT operation FROM audit_entries WHERE id > @id AND actor_name <> '系统' AND operation NOT LIKE '账户.登录%' ORDER BY id", conn);
        cmd.Parameters.AddWithValue("id", id);
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }
}
