using System.Net;
using System.Text.RegularExpressions;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Privacy;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Exemplar.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Privacy;

/// <summary>
/// PIPL (issue 8, "Personal information"): nothing personal on public pages and open data; phones masked in officers'
/// lists until opened; every opening logged; the audit trail keeps only fingerprints; expired personal data purged by
/// the leased job, audited.
/// </summary>
public sealed partial class PersonalDataTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private async Task<T> DbAsync<T>(Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{6}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    /// <summary>Every page and API anyone may open without signing in, listed now or later in the matrix.</summary>
    [Fact]
    public async Task Public_pages_and_open_data_carry_no_names_phones_or_id_numbers()
    {
        var people = DemoDirectory.Users.Select(u => u.DisplayName.Split('（')[0]).Distinct().ToList();
        var contacts = await DbAsync(db => db.Set<ResidentEnterprise>().Where(e => e.ContactName != null).Select(e => e.ContactName!).Distinct().ToListAsync());
        var rows = typeof(AuthorizationMatrixTests).Assembly.GetTypes()
            .Where(t => typeof(IMatrixRows).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => ((IMatrixRows)Activator.CreateInstance(t)!).Rows)
            .Where(r => r.Anonymous == Access.Allow && r.Method is "GET" or "ANY").ToList();
        var anonymous = app.Client();
        var checkedPages = 0;
        foreach (var row in rows)
        {
            var url = row.Sample is null ? row.Route : (await row.Sample(app.Services, "km.applicant")).OwnUrl;
            var response = await anonymous.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            checkedPages++;
            Assert.False(Mobile().IsMatch(body), $"{url}: a mobile number");
            Assert.False(IdNumber().IsMatch(body), $"{url}: an ID card number");
            foreach (var name in people.Concat(contacts)) Assert.False(body.Contains(name, StringComparison.Ordinal), $"{url}: the name {name}");
        }
        Assert.True(checkedPages >= 10, $"only {checkedPages} public pages found");
    }

    [Fact]
    public async Task An_officer_sees_sampled_enterprises_phones_masked_until_opening_one_which_is_logged()
    {
        var carrier = await DbAsync(db => db.Set<Carrier>().Where(c => c.Name == "盘龙众创空间").Select(c => c.Id).SingleAsync());
        var officer = await app.SignedInAsync("km.panlong");
        var drawn = await officer.PostFormAsync($"/Base/{carrier}/Sampling", new Dictionary<string, string> { ["Year"] = "2025", ["SharePercent"] = "30", ["ConfirmRedraw"] = "true", ["RedrawReason"] = "测试：另抽一份样本" }, formSelector: "form#draw");
        var url = drawn.Headers.Location!.OriginalString;
        var page = await officer.GetDocumentAsync(url);
        var cells = page.QuerySelectorAll("#answers td.phone .mono").Select(c => c.TextContent).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.Matches(@"^1\d{2}\*{4}\d{4}$|^—$", c));
        Assert.DoesNotMatch(Mobile(), page.QuerySelector("#answers")!.OuterHtml);

        var first = page.QuerySelector("#answers tr[data-enterprise]")!.GetAttribute("data-enterprise")!;
        var phone = await DbAsync(db => db.Set<ResidentEnterprise>().Where(e => e.Id == Guid.Parse(first)).Select(e => e.ContactPhone).SingleAsync());
        var opened = await officer.GetDocumentAsync($"{url}?Show={first}");
        Assert.Equal(phone, opened.QuerySelector($"#answers tr[data-enterprise='{first}'] td.phone .mono")!.TextContent);
        var officerId = await DbAsync(db => db.Set<Exemplar.Web.Features.Account.UserAccount>().Where(u => u.UserName == "km.panlong").Select(u => u.Id).SingleAsync());
        Assert.True(await DbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Operation == "个人信息.查阅" && a.EntityId == first && a.ActorId == officerId)));
    }

    [Fact]
    public async Task Opening_an_enterprise_record_or_exporting_the_list_is_logged_and_the_trail_keeps_no_phone()
    {
        var carrier = await DbAsync(db => db.Set<Carrier>().Where(c => c.Name == "昆明五华创新创业园").Select(c => c.Id).SingleAsync());
        var enterprise = await DbAsync(db => db.Set<ResidentEnterprise>().Where(e => e.CarrierId == carrier).OrderBy(e => e.Name).FirstAsync());
        var operatorClient = await app.SignedInAsync("km.applicant");
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/Base/{carrier}/Enterprises/Edit/{enterprise.Id}")).StatusCode);
        Assert.True(await DbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Operation == "个人信息.查阅" && a.EntityId == enterprise.Id.ToString())));

        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/Base/{carrier}/Export?list=enterprises&format=csv")).StatusCode);
        Assert.True(await DbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Operation == "个人信息.查阅" && a.EntityId == carrier.ToString())));

        var saved = await operatorClient.SubmitAsIsAsync($"/Base/{carrier}/Enterprises/Edit/{enterprise.Id}", new Dictionary<string, string> { ["ContactPhone"] = "13800138000" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var audit = await DbAsync(db => db.Set<AuditEntry>().Where(a => a.EntityId == enterprise.Id.ToString() && a.Operation == "入驻企业.修改").OrderByDescending(a => a.Id).FirstAsync());
        Assert.DoesNotContain("13800138000", audit.After);
        Assert.Contains("个人信息#", audit.After);
    }

    [Fact]
    public async Task Expired_comments_are_purged_by_the_leased_job_and_the_run_is_audited()
    {
        var now = app.Clock.GetUtcNow();
        var (oldId, recentId) = await DbAsync(async db =>
        {
            var carrier = await db.Set<Carrier>().Where(c => c.Name == "拉萨城关创业园").Select(c => c.Id).SingleAsync();
            var enterprises = await db.Set<ResidentEnterprise>().Where(e => e.CarrierId == carrier).OrderBy(e => e.Name).Take(2).Select(e => e.Id).ToListAsync();
            var old = new SurveyInvitation { CarrierId = carrier, EnterpriseId = enterprises[0], Year = 2022, TokenHash = new string('a', 64), CreatedAt = now.AddYears(-4), ExpiresAt = now.AddYears(-4).AddDays(30), AnsweredAt = now.AddYears(-4).AddDays(2), Comment = "联系人张三手机13912345678，希望加强培训。" };
            var recent = new SurveyInvitation { CarrierId = carrier, EnterpriseId = enterprises[1], Year = 2026, TokenHash = new string('b', 64), CreatedAt = now.AddMonths(-2), ExpiresAt = now.AddMonths(-1), AnsweredAt = now.AddMonths(-2).AddDays(1), Comment = "服务很好。" };
            db.AddRange(old, recent);
            await db.SaveChangesAsync();
            return (old.Id, recent.Id);
        });

        var job = app.Services.GetRequiredService<PersonalDataPurgeJob>();
        var result = await job.RunOnceAsync(now);
        Assert.True(result.RanHere);
        Assert.True(result.Purged["满意度问卷及抽查意见"] >= 1);
        Assert.Null(await DbAsync(db => db.Set<SurveyInvitation>().Where(i => i.Id == oldId).Select(i => i.Comment).SingleAsync()));
        Assert.Equal("服务很好。", await DbAsync(db => db.Set<SurveyInvitation>().Where(i => i.Id == recentId).Select(i => i.Comment).SingleAsync()));

        var rows = await DbAsync(db => db.Set<AuditEntry>().Where(a => a.Operation == PersonalDataPurgeJob.Operation).ToListAsync());
        Assert.Contains(rows, r => r.EntityType == nameof(SurveyInvitation) && r.EntityId == oldId.ToString());
        Assert.Contains(rows, r => r.EntityType == "RetentionRun");
        // Neither the purge nor the earlier rows kept the comment in readable form.
        var trail = (await DbAsync(db => db.Set<AuditEntry>().Where(a => a.EntityType == nameof(SurveyInvitation)).ToListAsync()))
            .Select(a => (a.Before ?? "") + (a.After ?? "")).ToList();
        Assert.DoesNotContain(trail, t => t.Contains("13912345678", StringComparison.Ordinal));
        // A second run finds nothing left.
        Assert.Equal(0, (await job.RunOnceAsync(now)).Purged["满意度问卷及抽查意见"]);
    }
}
