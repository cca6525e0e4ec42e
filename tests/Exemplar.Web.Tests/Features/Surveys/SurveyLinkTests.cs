using System.Net;
using AngleSharp.Dom;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Surveys;

/// <summary>
/// The operator issues personal links; enterprises answer anonymously; the rate comes from the answers. Expired,
/// revoked, reused and unknown links are refused in Chinese and nothing is saved. The test clock is 2026-11-21 10:00
/// Beijing time, so the default expiry (30 days) is 2026-12-21 and the link stops working at 2026-12-22 00:00.
/// </summary>
public sealed class SurveyLinkTests(SurveyFactory app) : IClassFixture<SurveyFactory>
{
    private readonly SurveyTestData data = new(app);
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> Fields(params (string, string)[] kv) => kv.ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>Issues links (all, or one with <paramref name="enterprise"/>) and returns enterprise id → token from the one-time list.</summary>
    private static async Task<(IDocument Page, Dictionary<Guid, string> Tokens)> IssueAsync(HttpClient operatorClient, Guid carrier, Guid? enterprise = null, string? expiresOn = null)
    {
        var fields = Fields(("Year", "2025"));
        if (expiresOn is not null) fields["ExpiresOn"] = expiresOn;
        if (enterprise is { } e) fields["EnterpriseId"] = e.ToString();
        var url = $"/Base/{carrier}/Surveys";
        var response = await operatorClient.PostFormAsync(url + "?Year=2025", fields, postUrl: enterprise is null ? url : url + "?handler=One");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ToDocumentAsync();
        var tokens = page.QuerySelectorAll("#issued-links tbody tr").ToDictionary(
            tr => Guid.Parse(tr.GetAttribute("data-enterprise")!),
            tr => tr.QuerySelector("input.survey-link")!.GetAttribute("value")!.Split("/Survey/")[1]);
        return (page, tokens);
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient anonymous, string token, params (string, string)[] fields) =>
        anonymous.PostFormAsync($"/Survey/{token}", Fields(fields));

    private async Task<(Guid Carrier, Guid A, Guid B, Guid C)> CarrierWithThreeResidentsAsync(string name)
    {
        var carrier = await data.CarrierAsync(name);
        var a = await data.EnterpriseAsync(carrier, "甲软件有限公司", 1);
        var b = await data.EnterpriseAsync(carrier, "乙设计有限公司", 2, SizeClass.Small);
        var c = await data.EnterpriseAsync(carrier, "丙检测有限公司", 3);
        await data.EnterpriseAsync(carrier, "丁已迁出有限公司", 4, exit: new DateOnly(2025, 6, 30)); // not a current resident: no link
        await data.EntryAsync(carrier, ServiceFunction.InformationService, "2025-03-01", ServiceForm.Event, 20, a, b);
        await data.EntryAsync(carrier, ServiceFunction.InformationService, "2025-05-01", ServiceForm.OneToOne, 1, a);
        await data.EntryAsync(carrier, ServiceFunction.Training, "2025-07-01", ServiceForm.Training, 30, a, b);
        await data.EntryAsync(carrier, ServiceFunction.Marketing, "2024-12-31", ServiceForm.OneToOne, 1, c); // other year
        return (carrier, a, b, c);
    }

    [Fact]
    public async Task Links_are_issued_answered_anonymously_and_the_rate_comes_from_the_answers()
    {
        var (carrier, a, b, c) = await CarrierWithThreeResidentsAsync("问卷计算园");
        var operatorClient = await app.SignedInAsync("km.applicant");
        var (page, tokens) = await IssueAsync(operatorClient, carrier);
        Assert.Equal(new[] { a, b, c }.Order(), tokens.Keys.Order());
        Assert.Contains("链接只在此显示一次", page.QuerySelector("#issued")!.TextContent);

        // ≥128 bits, URL-safe; only the SHA-256 is stored, and the audit trail redacts even that.
        foreach (var token in tokens.Values)
        {
            Assert.Equal(43, token.Length); // 32 random bytes in base64url without padding
            Assert.Matches("^[A-Za-z0-9_-]+$", token);
        }
        var invitations = await data.DbAsync(db => db.Set<SurveyInvitation>().Where(i => i.CarrierId == carrier).ToListAsync());
        Assert.Equal(3, invitations.Count);
        foreach (var i in invitations)
        {
            Assert.Equal(SurveyTokens.Hash(tokens[i.EnterpriseId]), i.TokenHash);
            Assert.Equal(new DateTimeOffset(2026, 12, 22, 0, 0, 0, TimeSpan.FromHours(8)), i.ExpiresAt);
        }
        var ids = invitations.Select(i => i.Id.ToString()).ToList();
        var audits = await data.DbAsync(db => db.Set<AuditEntry>().Where(x => x.EntityType == "SurveyInvitation" && ids.Contains(x.EntityId)).ToListAsync());
        Assert.All(audits, x => Assert.Matches("\"TokenHash\":\\s*\"\\*\\*\\*\"", x.After));
        Assert.All(audits, x => Assert.DoesNotContain(tokens[Guid.Parse(x.After!.Split("\"EnterpriseId\":")[1].Trim()[1..37])], x.After));
        Assert.All(audits, x => Assert.Equal("满意度调查.发送链接", x.Operation));
        Assert.Equal(3, page.QuerySelectorAll("#links tbody tr[data-status=Sent]").Length);

        // The form shows the base and the services the enterprise received in 2025 (from the ledger), nothing else.
        var anonymous = app.Client();
        Assert.True((await anonymous.GetAsync($"/Survey/{tokens[a]}")).Headers.CacheControl!.NoStore); // the token page is never cached
        var form = await anonymous.GetDocumentAsync($"/Survey/{tokens[a]}");
        Assert.Equal("问卷计算园", form.QuerySelector("#carrier-name")!.TextContent.Trim());
        Assert.Equal("甲软件有限公司", form.QuerySelector("#enterprise-name")!.TextContent.Trim());
        Assert.Equal(new[] { "InformationService", "Training" }, form.QuerySelectorAll("fieldset.service").Select(f => f.GetAttribute("data-function")!).ToArray());
        Assert.Contains("2 次", form.QuerySelector("fieldset.service[data-function=InformationService] legend")!.TextContent);
        Assert.NotNull((await anonymous.GetDocumentAsync($"/Survey/{tokens[c]}")).QuerySelector("#no-services")); // 丙's only service was in 2024

        var r1 = await AnswerAsync(anonymous, tokens[a], ("Overall", "true"), ("Answers[InformationService]", "true"), ("Answers[Training]", "false"), ("Comment", "服务很及时"));
        Assert.Equal("/Survey/Thanks", r1.Headers.Location?.OriginalString);
        Assert.Equal("/Survey/Thanks", (await AnswerAsync(anonymous, tokens[b], ("Overall", "false"), ("Answers[Training]", "false"))).Headers.Location?.OriginalString);
        Assert.Equal("/Survey/Thanks", (await AnswerAsync(anonymous, tokens[c], ("Overall", "true"))).Headers.Location?.OriginalString);

        // Hand-computed: overall 满意 甲、丙, 不满意 乙 → 2 / 3 = 66.666…% → 66.66% (truncated to two decimals).
        var metrics = await operatorClient.GetDocumentAsync($"/Base/{carrier}/Metrics/2025");
        var satisfaction = metrics.QuerySelector("#satisfaction")!.TextContent;
        Assert.StartsWith("66.66%", satisfaction.Trim());
        Assert.Contains("满意 2 家 / 答复 3 家", satisfaction);
        var round = await operatorClient.GetDocumentAsync($"/Base/{carrier}/Surveys?Year=2025");
        Assert.StartsWith("66.66%", round.QuerySelector("#survey-rate")!.TextContent.Trim());
        Assert.Equal(3, round.QuerySelectorAll("#links tbody tr[data-status=Answered]").Length);
        // Per function: 信息服务 1 of 1 satisfied; 人员培训 0 of 2.
        Assert.Equal("100%", round.QuerySelector("#function-rates tr[data-function=InformationService] td:last-child")!.TextContent.Trim());
        Assert.Equal("0%", round.QuerySelector("#function-rates tr[data-function=Training] td:last-child")!.TextContent.Trim());
        Assert.Contains("服务很及时", round.QuerySelector($"#responses tr[data-enterprise='{a}']")!.TextContent);

        // The profile facts the eligibility engine reads are the same figure: 用户满意度 counts every answer, 入驻小微企业服务满意度
        // the small and micro residents' answers — here all three answering enterprises are small or micro.
        var rates = metrics.QuerySelectorAll("details tr").Where(tr => tr.TextContent.Contains("满意度")).ToList();
        Assert.Equal(2, rates.Count);
        Assert.All(rates, tr => Assert.Contains("66.66", tr.TextContent));

        // Audited as the anonymous respondent: 3 invitations marked used, 3 overall + 3 per-function answers.
        var answerIds = await data.DbAsync(db => db.Set<SurveyAnswer>().Where(x => db.Set<SurveyInvitation>().Any(i => i.Id == x.InvitationId && i.CarrierId == carrier))
            .Select(x => x.Id.ToString()).ToListAsync());
        var answerAudits = await data.DbAsync(db => db.Set<AuditEntry>()
            .Where(x => x.Operation == "满意度调查.答复" && (ids.Contains(x.EntityId) || answerIds.Contains(x.EntityId))).ToListAsync());
        Assert.All(answerAudits, x => Assert.Equal(SurveyRespondentActor.DisplayName, x.ActorName));
        Assert.Equal(3, answerAudits.Count(x => x.EntityType == "SurveyInvitation" && x.Action == "Modified"));
        Assert.Equal(6, answerAudits.Count(x => x.EntityType == "SurveyAnswer" && x.Action == "Added"));
    }

    [Fact]
    public async Task A_reused_link_is_refused_with_410_and_nothing_more_is_saved()
    {
        var (carrier, a, _, _) = await CarrierWithThreeResidentsAsync("问卷重复园");
        var (_, tokens) = await IssueAsync(await app.SignedInAsync("km.applicant"), carrier, a);
        var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(anonymous, tokens[a], ("Overall", "true"))).StatusCode);
        var answeredAt = await data.DbAsync(db => db.Set<SurveyInvitation>().Where(i => i.EnterpriseId == a).Select(i => i.AnsweredAt).SingleAsync());

        var again = await anonymous.GetAsync($"/Survey/{tokens[a]}");
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("问卷已提交", await again.Content.ReadAsStringAsync());
        // A second submission (the form was still open in another tab) is refused too.
        var token = (await anonymous.GetDocumentAsync("/Survey/Thanks")).QuerySelector("form input[name=__RequestVerificationToken]")?.GetAttribute("value");
        var form = new Dictionary<string, string> { ["Overall"] = "false" };
        if (token is not null) form["__RequestVerificationToken"] = token;
        var post = await anonymous.PostAsync($"/Survey/{tokens[a]}", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Contains("每个链接只能提交一次", await post.Content.ReadAsStringAsync());

        var (count, at) = await data.DbAsync(async db => (
            await db.Set<SurveyAnswer>().CountAsync(x => db.Set<SurveyInvitation>().Any(i => i.Id == x.InvitationId && i.EnterpriseId == a)),
            await db.Set<SurveyInvitation>().Where(i => i.EnterpriseId == a).Select(i => i.AnsweredAt).SingleAsync()));
        Assert.Equal(1, count);
        Assert.Equal(answeredAt, at);
        // An answered enterprise cannot be sent a new link for the same round (it would be counted twice).
        var reissue = await (await app.SignedInAsync("km.applicant")).PostFormAsync($"/Base/{carrier}/Surveys?Year=2025",
            Fields(("Year", "2025"), ("EnterpriseId", a.ToString())), postUrl: $"/Base/{carrier}/Surveys?handler=One");
        Assert.Contains((await reissue.ToDocumentAsync()).Errors(), e => e.Contains("已答复2025年度问卷，不能重新发送"));
    }

    [Fact]
    public async Task An_expired_link_works_through_its_last_day_and_is_refused_after_with_nothing_saved()
    {
        var (carrier, a, _, _) = await CarrierWithThreeResidentsAsync("问卷过期园");
        var operatorClient = await app.SignedInAsync("km.applicant");
        var (_, tokens) = await IssueAsync(operatorClient, carrier, a, expiresOn: "2026-11-22");
        var anonymous = app.Client();
        try
        {
            app.Clock.AdjustTime(new DateTimeOffset(2026, 11, 22, 23, 59, 0, TimeSpan.FromHours(8)).ToUniversalTime()); // last minute of the last day
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/Survey/{tokens[a]}")).StatusCode);
            var form = await anonymous.GetDocumentAsync($"/Survey/{tokens[a]}");
            var antiforgery = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

            app.Clock.AdjustTime(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
            var get = await anonymous.GetAsync($"/Survey/{tokens[a]}");
            Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
            Assert.Contains("问卷链接已过期", await get.Content.ReadAsStringAsync());
            var post = await anonymous.PostAsync($"/Survey/{tokens[a]}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = antiforgery, ["Overall"] = "true",
            }));
            Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
            Assert.Equal(0, await data.DbAsync(db => db.Set<SurveyAnswer>().CountAsync(x => db.Set<SurveyInvitation>().Any(i => i.Id == x.InvitationId && i.CarrierId == carrier))));
            Assert.Null(await data.DbAsync(db => db.Set<SurveyInvitation>().Where(i => i.EnterpriseId == a).Select(i => i.AnsweredAt).SingleAsync()));
            var round = await (await app.SignedInAsync("km.applicant")).GetDocumentAsync($"/Base/{carrier}/Surveys?Year=2025"); // a new session: the first one expired with the clock
            Assert.Equal("已过期", round.QuerySelector($"#links tr[data-enterprise='{a}'] td.status")!.TextContent.Trim());
        }
        finally
        {
            app.Clock.AdjustTime(Start);
        }
    }

    [Fact]
    public async Task Re_issuing_revokes_the_old_link_which_is_then_refused()
    {
        var (carrier, a, _, _) = await CarrierWithThreeResidentsAsync("问卷作废园");
        var operatorClient = await app.SignedInAsync("km.applicant");
        var (_, first) = await IssueAsync(operatorClient, carrier, a);
        var (page, second) = await IssueAsync(operatorClient, carrier, a);
        Assert.Contains("旧链接已作废", page.QuerySelector("#issued-links")!.TextContent);
        Assert.NotEqual(first[a], second[a]);

        var anonymous = app.Client();
        var old = await anonymous.GetAsync($"/Survey/{first[a]}");
        Assert.Equal(HttpStatusCode.Gone, old.StatusCode);
        Assert.Contains("问卷链接已作废", await old.Content.ReadAsStringAsync());
        var form = await anonymous.GetDocumentAsync($"/Survey/{second[a]}");
        var post = await anonymous.PostAsync($"/Survey/{first[a]}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!, ["Overall"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        var rows = await data.DbAsync(db => db.Set<SurveyInvitation>().Where(i => i.EnterpriseId == a).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.RevokedAt is null);
        Assert.All(rows, r => Assert.Null(r.AnsweredAt));
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(anonymous, second[a], ("Overall", "true"))).StatusCode);
    }

    [Fact]
    public async Task Unknown_and_malformed_links_get_the_chinese_invalid_link_page()
    {
        var anonymous = app.Client();
        foreach (var url in new[] { "/Survey/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ", "/Survey/" + new string('x', 500), "/Survey/%3Cscript%3E" })
        {
            var r = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Contains("问卷链接无效", await r.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Missing_overall_judgement_or_a_service_not_received_is_refused_and_the_link_stays_usable()
    {
        var (carrier, _, _, c) = await CarrierWithThreeResidentsAsync("问卷校验园");
        var (_, tokens) = await IssueAsync(await app.SignedInAsync("km.applicant"), carrier, c);
        var anonymous = app.Client();
        var noOverall = await (await AnswerAsync(anonymous, tokens[c], ("Comment", "无"))).ToDocumentAsync();
        Assert.Contains(noOverall.Errors(), e => e.Contains("请选择对基地服务的总体评价"));
        var notReceived = await (await AnswerAsync(anonymous, tokens[c], ("Overall", "true"), ("Answers[Marketing]", "true"))).ToDocumentAsync();
        Assert.Contains(notReceived.Errors(), e => e.Contains("只能评价本年度实际接受过的服务"));
        var tooLong = await (await AnswerAsync(anonymous, tokens[c], ("Overall", "true"), ("Comment", new string('好', 1001)))).ToDocumentAsync();
        Assert.Contains(tooLong.Errors(), e => e.Contains("不能超过1000个字"));
        Assert.Null(await data.DbAsync(db => db.Set<SurveyInvitation>().Where(i => i.EnterpriseId == c).Select(i => i.AnsweredAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(anonymous, tokens[c], ("Overall", "false"))).StatusCode);
    }

    [Fact]
    public async Task Issuing_to_all_again_skips_enterprises_with_a_usable_link_and_officers_only_read()
    {
        var (carrier, a, _, _) = await CarrierWithThreeResidentsAsync("问卷重发园");
        var operatorClient = await app.SignedInAsync("km.applicant");
        await IssueAsync(operatorClient, carrier, a);
        var (page, tokens) = await IssueAsync(operatorClient, carrier);
        Assert.Equal(2, tokens.Count); // 乙 and 丙; 甲 already has a usable link
        var (again, none) = await IssueAsync(operatorClient, carrier);
        Assert.Empty(none);
        Assert.Contains("3 家企业已有有效链接或已答复", again.QuerySelector("#issued-none")!.TextContent);
        Assert.Equal(3, await data.DbAsync(db => db.Set<SurveyInvitation>().CountAsync(i => i.CarrierId == carrier)));

        var wuhua = await app.SignedInAsync("km.wuhua");
        var view = await wuhua.GetDocumentAsync($"/Base/{carrier}/Surveys?Year=2025");
        Assert.Null(view.QuerySelector("#issue-all"));
        Assert.Equal(3, view.QuerySelectorAll("#links tbody tr").Length);
        var forbidden = await wuhua.PostAsync($"/Base/{carrier}/Surveys", new FormUrlEncodedContent(new Dictionary<string, string> { ["Year"] = "2025" }));
        Assert.Contains("/Error/403", forbidden.Headers.Location?.OriginalString ?? "");
        var panlong = await app.SignedInAsync("km.panlong");
        Assert.Contains("/Error/403", (await panlong.GetAsync($"/Base/{carrier}/Surveys")).Headers.Location?.OriginalString ?? "");
    }

    [Fact]
    public async Task An_expiry_in_the_past_or_too_far_ahead_is_refused_and_nothing_is_issued()
    {
        var (carrier, _, _, _) = await CarrierWithThreeResidentsAsync("问卷期限园");
        var operatorClient = await app.SignedInAsync("km.applicant");
        foreach (var (date, message) in new[] { ("2026-11-21", "链接有效期应晚于今天"), ("2027-06-01", "链接有效期不能超过180天") })
        {
            var r = await operatorClient.PostFormAsync($"/Base/{carrier}/Surveys", Fields(("Year", "2025"), ("ExpiresOn", date)));
            Assert.Contains((await r.ToDocumentAsync()).Errors(), e => e.Contains(message));
        }
        Assert.Equal(0, await data.DbAsync(db => db.Set<SurveyInvitation>().CountAsync(i => i.CarrierId == carrier)));
    }

    [Fact]
    public async Task Two_operators_issuing_at_once_leave_one_live_link_per_enterprise()
    {
        var (carrier, _, _, _) = await CarrierWithThreeResidentsAsync("问卷并发发送园");
        async Task<IssueResult> Issue()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<IssueSurveyLinksHandler>().HandleAsync(new IssueSurveyLinksCommand(carrier, 2025, null, null), default);
        }
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Issue)));
        Assert.Equal(3, results.Sum(r => r.Links.Count)); // each enterprise's link was issued by exactly one of them
        Assert.All(results.Where(r => !r.Ok), r => Assert.Contains("其他人刚刚", r.Errors[""][0]));
        var live = await data.DbAsync(db => db.Set<SurveyInvitation>().Where(i => i.CarrierId == carrier && i.RevokedAt == null).GroupBy(i => i.EnterpriseId).Select(g => g.Count()).ToListAsync());
        Assert.Equal([1, 1, 1], live);
    }

    [Fact]
    public async Task Two_submissions_racing_on_one_link_save_exactly_one_answer()
    {
        var (carrier, a, _, _) = await CarrierWithThreeResidentsAsync("问卷并发答复园");
        var (_, tokens) = await IssueAsync(await app.SignedInAsync("km.applicant"), carrier, a);
        async Task<AnswerResult> Answer(bool satisfied)
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AnswerSurveyHandler>()
                .HandleAsync(new AnswerSurveyCommand(tokens[a], satisfied, new Dictionary<ServiceFunction, bool>(), null, "127.0.0.1"), default);
        }
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Answer(i % 2 == 0))));
        Assert.Single(results, r => r.Ok);
        Assert.All(results.Where(r => !r.Ok), r => Assert.Equal(LinkRefusal.Used, r.Refusal));
        Assert.Equal(1, await data.DbAsync(db => db.Set<SurveyAnswer>().CountAsync(x => db.Set<SurveyInvitation>().Any(i => i.Id == x.InvitationId && i.EnterpriseId == a))));
    }
}
