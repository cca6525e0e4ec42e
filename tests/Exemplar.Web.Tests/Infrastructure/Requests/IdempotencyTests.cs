using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Infrastructure.Requests;

/// <summary>
/// Issue 8 item 12: a form that creates a record, sent twice — a double click, a resubmission after an error page, a
/// retry after the database came back although the first post had committed — creates the record once, and the second
/// post is told so.
/// </summary>
public sealed class IdempotencyTests(IdempotencyTests.FlakyCommitFactory app) : IClassFixture<IdempotencyTests.FlakyCommitFactory>
{
    /// <summary>The app with a switch that makes the next save fail after its transaction committed (what a restart can do).</summary>
    public sealed class FlakyCommitFactory : ExemplarFactory
    {
        public FailAfterCommit Failure { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.ConfigureDbContext<ExemplarDbContext>(o => o.AddInterceptors(Failure)));
        }
    }

    public sealed class FailAfterCommit : SaveChangesInterceptor
    {
        public volatile bool Armed;

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<LedgerEntry>().Any())
            {
                Armed = false;
                throw new InvalidOperationException("connection lost after commit (simulated)");
            }
            return ValueTask.FromResult(result);
        }
    }

    private async Task<(Guid Carrier, HttpClient Client)> OperatorAsync()
    {
        using var scope = app.Services.CreateScope();
        var carrier = await scope.ServiceProvider.GetRequiredService<ExemplarDbContext>().Set<Carrier>().Where(c => c.Name == "昆明五华创新创业园").Select(c => c.Id).SingleAsync();
        return (carrier, await app.SignedInAsync("km.applicant"));
    }

    private async Task<int> EntriesAtAsync(Guid carrier, string place)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ExemplarDbContext>().Set<LedgerEntry>().CountAsync(e => e.CarrierId == carrier && e.Place == place);
    }

    /// <summary>The "record a service" form as a browser renders it, filled in once.</summary>
    private static async Task<List<KeyValuePair<string, string>>> FilledFormAsync(HttpClient client, string url, string place)
    {
        var form = (await client.GetDocumentAsync(url)).QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var values = HttpClientExtensions.FormValues(form);
        values.RemoveAll(v => v.Key is "Place" or "Date" or "PersonCount" or "Form");
        values.AddRange([new("Place", place), new("Date", "2025-06-18"), new("PersonCount", "12"), new("Form", "Event")]);
        return values;
    }

    [Fact]
    public async Task The_same_form_sent_twice_creates_one_record_and_the_second_post_is_told()
    {
        var (carrier, client) = await OperatorAsync();
        var url = $"/Base/{carrier}/Ledger/Edit";
        var form = await FilledFormAsync(client, url, "双击测试会议室");
        Assert.Contains(form, f => f.Key == "__IdempotencyKey");

        var first = await client.PostAsync(url, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await client.PostAsync(url, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location); // back to where the first post led
        var shown = await client.GetDocumentAsync(second.Headers.Location!.OriginalString);
        Assert.Contains("本次未重复保存", shown.QuerySelector(".notice")!.TextContent);
        Assert.Equal(1, await EntriesAtAsync(carrier, "双击测试会议室"));

        // A new rendering of the form is a new record.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(url, new FormUrlEncodedContent(await FilledFormAsync(client, url, "双击测试会议室")))).StatusCode);
        Assert.Equal(2, await EntriesAtAsync(carrier, "双击测试会议室"));
    }

    [Fact]
    public async Task A_post_that_committed_but_failed_is_answered_as_saved_and_its_retry_saves_nothing()
    {
        var (carrier, client) = await OperatorAsync();
        var url = $"/Base/{carrier}/Ledger/Edit";
        var form = await FilledFormAsync(client, url, "重启期间的会议室");

        app.Failure.Armed = true;
        var first = await client.PostAsync(url, new FormUrlEncodedContent(form));
        Assert.False(app.Failure.Armed, "the simulated failure did not happen");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode); // not a 500: the change is known to have committed
        Assert.Equal(1, await EntriesAtAsync(carrier, "重启期间的会议室"));

        var retry = await client.PostAsync(url, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(1, await EntriesAtAsync(carrier, "重启期间的会议室"));
    }

    [Fact]
    public async Task Another_user_cannot_replay_a_key()
    {
        var (carrier, client) = await OperatorAsync();
        var url = $"/Base/{carrier}/Ledger/Edit";
        var form = await FilledFormAsync(client, url, "他人键会议室");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(url, new FormUrlEncodedContent(form))).StatusCode);
        var key = form.Single(f => f.Key == "__IdempotencyKey").Value;
        // The same operator organisation's second browser is another session of the same user; an officer is another user.
        var officer = await app.SignedInAsync("km.wuhua");
        var page = await officer.GetDocumentAsync("/Account/ChangePassword");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await officer.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("__IdempotencyKey", key), new("CurrentPassword", "x"), new("NewPassword", "y"), new("ConfirmPassword", "y")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_import_api_takes_the_idempotency_key_as_its_job_id()
    {
        var (carrier, client) = await OperatorAsync();
        var key = Guid.CreateVersion7();
        // The template's columns; one row at a place no other test uses.
        var header = Exemplar.Domain.Ledger.ImportLayout.Ledger.Columns.Select(c => c.Header);
        string[] row = ["信息服务", "2025-07-01", "接口重试会议室", "活动", "", "", "某公司", "5", "公益免费", "", "", "", "满意"];
        var csv = "\uFEFF" + string.Join(",", header) + "\n" + string.Join(",", row) + "\n";
        async Task<HttpResponseMessage> Post()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/carriers/{carrier}/imports/ledger?fileName=t.csv")
            {
                Content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"),
            };
            request.Headers.Add("Idempotency-Key", key.ToString());
            return await client.SendAsync(request);
        }
        var first = await Post();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.EndsWith(key.ToString(), first.Headers.Location!.OriginalString);
        var second = await Post();
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await EntriesAtAsync(carrier, "接口重试会议室"));
    }
}
