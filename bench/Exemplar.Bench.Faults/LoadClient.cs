using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Exemplar.Bench.Faults;

/// <summary>One response seen by a client: when (seconds since the load began), what, and whether it carried Retry-After.</summary>
public sealed record Observation(double At, string What, int Status, bool RetryAfter);

/// <summary>
/// An operator's browser recording services: load the "record a service" form, fill it in (place = the operation's
/// unique name), post it; on 503, a 5xx or a broken connection, wait and post the very same form again (same
/// idempotency key) until the product acknowledges it with the redirect to the ledger.
/// </summary>
public sealed partial class LoadClient(string baseUrl, Guid carrier, Stopwatch clock)
{
    private readonly CookieContainer _cookies = new();
    private HttpClient _http = null!;
    public List<Observation> Seen { get; } = [];
    public List<string> Acknowledged { get; } = [];
    public int Retries { get; private set; }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"__IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex Key();

    public async Task SignInAsync(string userName, string password)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(20) };
        var page = await _http.GetStringAsync("/Account/SignIn");
        var response = await _http.PostAsync("/Account/SignIn", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token().Match(page).Groups[1].Value), new("UserName", userName), new("Password", password)]));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode}");
    }

    private readonly Queue<string> _forms = new();

    /// <summary>
    /// Records one service; returns when the product has acknowledged it (or gives up after <paramref name="deadline"/>).
    /// Forms are loaded ten at a time ahead of use, as people fill in a form loaded earlier: so posts, not only page
    /// loads, meet the outage and are retried.
    /// </summary>
    public async Task<bool> RecordAsync(string place, TimeSpan deadline)
    {
        var until = clock.Elapsed + deadline;
        while (_forms.Count == 0)
        {
            if (clock.Elapsed > until) return false;
            try
            {
                var get = await _http.GetAsync($"/Base/{carrier}/Ledger/Edit");
                Note("GET", get);
                if (get.StatusCode == HttpStatusCode.OK)
                {
                    _forms.Enqueue(await get.Content.ReadAsStringAsync());
                    for (var i = 0; i < 9; i++)
                    {
                        var more = await _http.GetAsync($"/Base/{carrier}/Ledger/Edit");
                        if (more.StatusCode != HttpStatusCode.OK) break;
                        _forms.Enqueue(await more.Content.ReadAsStringAsync());
                    }
                }
                else await WaitAsync(get);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Seen.Add(new(clock.Elapsed.TotalSeconds, "GET", 0, false));
                await Task.Delay(500);
            }
        }
        var form = _forms.Dequeue();
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Token().Match(form).Groups[1].Value), new("__IdempotencyKey", Key().Match(form).Groups[1].Value),
            new("Version", "0"), new("Function", "InformationService"), new("Date", "2025-06-18"), new("Place", place), new("Form", "Event"),
            new("Topic", "None"), new("PersonCount", "10"), new("Fee", "Free"), new("OtherNames", "故障演练企业"), new("PartnerAgencyId", ""),
        };
        var attempt = 0;
        while (clock.Elapsed < until)
        {
            if (attempt++ > 0) Retries++;
            try
            {
                var post = await _http.PostAsync($"/Base/{carrier}/Ledger/Edit", new FormUrlEncodedContent(fields));
                Note("POST", post);
                if (post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location?.OriginalString.EndsWith("/Ledger", StringComparison.Ordinal) == true)
                {
                    lock (Acknowledged) Acknowledged.Add(place);
                    return true;
                }
                await WaitAsync(post);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Seen.Add(new(clock.Elapsed.TotalSeconds, "POST", 0, false));
                await Task.Delay(500);
            }
        }
        return false;
    }

    private void Note(string what, HttpResponseMessage r) => Seen.Add(new(clock.Elapsed.TotalSeconds, what, (int)r.StatusCode, r.Headers.RetryAfter is not null));

    /// <summary>Honours Retry-After, but a client in a hurry retries after at most a second.</summary>
    private static Task WaitAsync(HttpResponseMessage r) =>
        Task.Delay(r.Headers.RetryAfter?.Delta is { } d && d < TimeSpan.FromSeconds(1) ? d : TimeSpan.FromSeconds(1));
}
