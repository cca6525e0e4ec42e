using System.Net;
using AngleSharp.Dom;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Confirmations;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Tests.Features.Surveys;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Tests.Features.Confirmations;

/// <summary>
/// Resident enterprises confirm or dispute, through their personal survey link, the entries the ledger records for them;
/// the metrics page shows the confirmed share per function and lists the disputes among the anomalies; officers in scope
/// see which entries are disputed and why. Expected figures are counted by hand from the entries below.
/// </summary>
public sealed class ConfirmationTests(SurveyFactory app) : IClassFixture<SurveyFactory>
{
    private readonly SurveyTestData data = new(app);

    private static async Task<Dictionary<Guid, string>> IssueAsync(HttpClient operatorClient, Guid carrier, Guid? enterprise = null)
    {
        var fields = new Dictionary<string, string> { ["Year"] = "2025" };
        if (enterprise is { } e) fields["EnterpriseId"] = e.ToString();
        var url = $"/Base/{carrier}/Surveys";
        var response = await operatorClient.PostFormAsync(url + "?Year=2025", fields, postUrl: enterprise is null ? url : url + "?handler=One");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ToDocumentAsync();
        return page.QuerySelectorAll("#issued-links tbody tr").ToDictionary(
            tr => Guid.Parse(tr.GetAttribute("data-enterprise")!),
            tr => tr.QuerySelector("input.survey-link")!.GetAttribute("value")!.Split("/Survey/")[1]);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient anonymous, string token, params (string Key, string Value)[] fields) =>
        anonymous.PostFormAsync($"/Survey/{token}/Services", fields.ToDictionary(f => f.Key, f => f.Value));

    /// <summary>The antiforgery token of a usable link's form, to post at a link that shows no form (revoked, unknown, expired).</summary>
    private static async Task<string> FormTokenAsync(HttpClient client, string token) =>
        (await client.GetDocumentAsync($"/Survey/{token}/Services")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static Task<HttpResponseMessage> PostWithAsync(HttpClient client, string formToken, string token, params (string Key, string Value)[] fields) =>
        client.PostAsync($"/Survey/{token}/Services", new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)),
            new("__RequestVerificationToken", formToken)]));

    private static (string, string) Decide(Guid entry, string status) => ($"Decision[{entry}]", status);
    private static (string, string) Reason(Guid entry, string reason) => ($"Reason[{entry}]", reason);

    private Task<int> ConfirmationCountAsync(Guid carrier) => data.DbAsync(db => db.Set<ServiceConfirmation>().CountAsync(c => c.CarrierId == carrier));

    private static string Cell(IDocument page, string table, ServiceFunction f, string measure) =>
        page.QuerySelector($"#{table} tr[data-function='{f}'] [data-measure='{measure}']")!.TextContent.Trim();

    [Fact]
    public async Task Enterprises_confirm_and_dispute_only_their_own_entries_and_the_shares_count_them()
    {
        var carrier = await data.CarrierAsync("确认计算园");
        var a = await data.EnterpriseAsync(carrier, "甲确认有限公司", 11);
        var b = await data.EnterpriseAsync(carrier, "乙确认有限公司", 12);
        var info1 = await data.EntryAsync(carrier, ServiceFunction.InformationService, "2025-03-01", ServiceForm.Event, 20, a, b);
        var info2 = await data.EntryAsync(carrier, ServiceFunction.InformationService, "2025-05-01", ServiceForm.OneToOne, 1, a);
        var training = await data.EntryAsync(carrier, ServiceFunction.Training, "2025-07-01", ServiceForm.Training, 30, a, b);
        var lastYear = await data.EntryAsync(carrier, ServiceFunction.Marketing, "2024-12-31", ServiceForm.OneToOne, 1, a);
        var bOnly = await data.EntryAsync(carrier, ServiceFunction.Marketing, "2025-08-01", ServiceForm.OneToOne, 1, b);
        // Another base's entry that happens to list A's id (it cannot be A's service at that base).
        var otherCarrier = await data.CarrierAsync("确认对照园");
        var foreign = await data.EntryAsync(otherCarrier, ServiceFunction.InformationService, "2025-03-02", ServiceForm.OneToOne, 1, a);

        var operatorClient = await app.SignedInAsync("km.applicant");
        var tokens = await IssueAsync(operatorClient, carrier);
        var anonymous = app.Client();

        // A sees exactly its three 2025 entries at this base.
        var page = await anonymous.GetDocumentAsync($"/Survey/{tokens[a]}/Services");
        Assert.Equal("甲确认有限公司", page.QuerySelector("#enterprise-name")!.TextContent.Trim());
        Assert.Equal(new[] { info1, info2, training }.Order(), page.QuerySelectorAll("#services fieldset").Select(tr => Guid.Parse(tr.GetAttribute("data-entry")!)).Order());

        // Refused, nothing saved: B's entry under A's link, another year's entry, another base's entry, a dispute without reason, a reason too long.
        foreach (var (entry, what) in new[] { (bOnly, "B's entry"), (lastYear, "2024"), (foreign, "another base") })
        {
            var refused = await PostAsync(anonymous, tokens[a], Decide(info1, "Confirmed"), Decide(entry, "Confirmed"));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("只能确认台账中记录为贵企业本年度接受的服务。", (await refused.ToDocumentAsync()).Errors());
            Assert.True(await ConfirmationCountAsync(carrier) == 0, what);
        }
        var noReason = await (await PostAsync(anonymous, tokens[a], Decide(info2, "Disputed"), Reason(info2, "  "))).ToDocumentAsync();
        Assert.Contains(noReason.Errors(), e => e.StartsWith("选择“有异议”时请填写异议理由", StringComparison.Ordinal));
        var tooLong = await (await PostAsync(anonymous, tokens[a], Decide(info2, "Disputed"), Reason(info2, new string('长', 201)))).ToDocumentAsync();
        Assert.Contains("异议理由不能超过200个字。", tooLong.Errors());
        var forged = await (await PostAsync(anonymous, tokens[a], Decide(info2, "Maybe"))).ToDocumentAsync();
        Assert.Contains("提交的确认结果无效，请重新选择。", forged.Errors());
        Assert.Equal(0, await ConfirmationCountAsync(carrier));

        // A confirms two and disputes one; B confirms one and disputes one (Training) — and leaves its Marketing entry unchecked.
        var saved = await PostAsync(anonymous, tokens[a], Decide(info1, "Confirmed"), Decide(info2, "Disputed"), Reason(info2, "未接受过该项一对一服务"),
            Decide(training, "Confirmed"), Reason(training, "确认时填写的理由不保存"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Survey/{tokens[a]}/Services?Saved=3", saved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(anonymous, tokens[b], Decide(info1, "Confirmed"), Decide(training, "Disputed"), Reason(training, "培训日期与实际不符"))).StatusCode);
        var rows = await data.DbAsync(db => db.Set<ServiceConfirmation>().Where(c => c.CarrierId == carrier).ToListAsync());
        Assert.Equal(5, rows.Count);
        Assert.Null(rows.Single(r => r.EnterpriseId == a && r.EntryId == training).Reason);
        Assert.Equal("未接受过该项一对一服务", rows.Single(r => r.EnterpriseId == a && r.EntryId == info2).Reason);
        var back = await anonymous.GetDocumentAsync($"/Survey/{tokens[a]}/Services?Saved=3");
        Assert.Contains("已确认 2 条，有异议 1 条，未核对 0 条", back.QuerySelector("#confirm-summary")!.TextContent, StringComparison.Ordinal);

        // Audited with the respondent link as actor.
        var audit = await data.DbAsync(db => db.Set<AuditEntry>().Where(x => x.EntityType == nameof(ServiceConfirmation)).ToListAsync());
        Assert.Equal(5, audit.Count(x => rows.Any(r => r.Id.ToString() == x.EntityId)));
        Assert.All(audit, x => { Assert.Equal("入驻企业（问卷）", x.ActorName); Assert.Equal("服务确认.确认", x.Operation); Assert.Null(x.ActorId); });

        // Hand count, 2025, resident 家次: 信息服务 info1 (甲, 乙) + info2 (甲) = 3, confirmed 2 (甲、乙 on info1), disputed 1 (甲 on info2) → 66.7%;
        // 培训 training (甲, 乙) = 2, confirmed 1, disputed 1 → 50.0%; 市场营销 bOnly (乙) = 1, none → 0.0%.
        var officer = await app.SignedInAsync("km.wuhua");
        var metrics = await officer.GetDocumentAsync($"/Base/{carrier}/Metrics/2025");
        Assert.Equal(["3", "2", "66.7%", "1"], new[] { "Recorded", "Confirmed", "Percent", "Disputed" }.Select(m => Cell(metrics, "confirmations", ServiceFunction.InformationService, m)));
        Assert.Equal(["2", "1", "50.0%", "1"], new[] { "Recorded", "Confirmed", "Percent", "Disputed" }.Select(m => Cell(metrics, "confirmations", ServiceFunction.Training, m)));
        Assert.Equal(["1", "0", "0.0%", "0"], new[] { "Recorded", "Confirmed", "Percent", "Disputed" }.Select(m => Cell(metrics, "confirmations", ServiceFunction.Marketing, m)));
        var flags = metrics.QuerySelectorAll("#anomalies li[data-kind='DisputedByEnterprise']").Select(li => li.TextContent).ToList();
        Assert.Equal(2, flags.Count);
        Assert.Contains(flags, f => f.Contains("甲确认有限公司", StringComparison.Ordinal) && f.Contains("未接受过该项一对一服务", StringComparison.Ordinal) && f.Contains("2025年5月1日", StringComparison.Ordinal));
        Assert.Contains(flags, f => f.Contains("乙确认有限公司", StringComparison.Ordinal) && f.Contains("培训日期与实际不符", StringComparison.Ordinal));
        // Disputes are the most severe anomaly: listed first.
        Assert.Equal("DisputedByEnterprise", metrics.QuerySelector("#anomalies li")!.GetAttribute("data-kind"));

        // The officer in scope and the base see which entries are disputed and why; an officer of another district does not.
        foreach (var reader in new[] { officer, operatorClient })
        {
            var list = await reader.GetDocumentAsync($"/Base/{carrier}/Confirmations/2025");
            var disputes = list.QuerySelectorAll("#disputes tbody tr").Select(tr => (Guid.Parse(tr.GetAttribute("data-entry")!), tr.TextContent)).ToList();
            Assert.Equal(2, disputes.Count);
            Assert.Contains(disputes, d => d.Item1 == info2 && d.TextContent.Contains("未接受过该项一对一服务", StringComparison.Ordinal));
            Assert.Contains(disputes, d => d.Item1 == training && d.TextContent.Contains("培训日期与实际不符", StringComparison.Ordinal));
            Assert.Equal("66.7%", Cell(list, "shares", ServiceFunction.InformationService, "Percent"));
        }
        var outsider = await app.SignedInAsync("km.panlong");
        var outside = await outsider.GetAsync($"/Base/{carrier}/Confirmations/2025");
        Assert.True(outside.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
            || outside.Headers.Location?.OriginalString.Contains("/Error/403", StringComparison.Ordinal) == true, $"{outside.StatusCode} {outside.Headers.Location}");

        // A changes its mind on info2: the dispute is withdrawn, the share rises to 3/3.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(anonymous, tokens[a], Decide(info2, "Confirmed"))).StatusCode);
        metrics = await officer.GetDocumentAsync($"/Base/{carrier}/Metrics/2025");
        Assert.Equal("100.0%", Cell(metrics, "confirmations", ServiceFunction.InformationService, "Percent"));
        Assert.Single(metrics.QuerySelectorAll("#anomalies li[data-kind='DisputedByEnterprise']"));
    }

    [Fact]
    public async Task A_revoked_or_unknown_link_confirms_nothing_and_an_answered_survey_still_lets_the_enterprise_confirm()
    {
        var carrier = await data.CarrierAsync("确认链接园");
        var a = await data.EnterpriseAsync(carrier, "丙确认有限公司", 13);
        var entry = await data.EntryAsync(carrier, ServiceFunction.InformationService, "2025-03-01", ServiceForm.OneToOne, 1, a);
        var operatorClient = await app.SignedInAsync("km.applicant");
        var old = (await IssueAsync(operatorClient, carrier))[a];
        var fresh = (await IssueAsync(operatorClient, carrier, a))[a]; // re-issued: the old link is revoked
        var anonymous = app.Client();
        var formToken = await FormTokenAsync(anonymous, fresh);

        Assert.Equal(HttpStatusCode.Gone, (await PostWithAsync(anonymous, formToken, old, Decide(entry, "Confirmed"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostWithAsync(anonymous, formToken, "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", Decide(entry, "Confirmed"))).StatusCode);
        Assert.Equal(0, await ConfirmationCountAsync(carrier));

        // The questionnaire is one-time; the confirmation page stays open after it (the link has not expired).
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.PostFormAsync($"/Survey/{fresh}", new Dictionary<string, string> { ["Overall"] = "true" })).StatusCode);
        var used = await anonymous.GetAsync($"/Survey/{fresh}");
        Assert.Equal(HttpStatusCode.Gone, used.StatusCode);
        Assert.NotNull((await used.ToDocumentAsync()).QuerySelector($"#confirm-link a[href='/Survey/{fresh}/Services']"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(anonymous, fresh, Decide(entry, "Confirmed"))).StatusCode);
        Assert.Equal(1, await ConfirmationCountAsync(carrier));

        // Once the link has expired nothing more is accepted (its expiry moved to the test clock's present).
        await data.DbAsync(db => db.Set<Exemplar.Web.Features.Surveys.SurveyInvitation>().Where(i => i.EnterpriseId == a && i.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ExpiresAt, app.Clock.GetUtcNow())));
        Assert.Equal(HttpStatusCode.Gone, (await PostWithAsync(anonymous, formToken, fresh, Decide(entry, "Disputed"), Reason(entry, "晚了"))).StatusCode);
        Assert.Equal(ConfirmationStatus.Confirmed, await data.DbAsync(db => db.Set<ServiceConfirmation>().Where(c => c.CarrierId == carrier).Select(c => c.Status).SingleAsync()));
    }
}
