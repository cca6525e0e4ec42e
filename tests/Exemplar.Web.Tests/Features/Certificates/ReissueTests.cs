using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Tests.Features.ChangeFilings;
using Exemplar.Web.Tests.Features.Notices;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Certificates;

/// <summary>
/// 换发/补发 on the demo certificates (clock 2026-11-21): a new number by the same rule (ZS2026-……), the same designation
/// and validity, signed anew; the old certificate then reads 已补发（作废）/已换发（作废）with the day — never valid, never an
/// error — on the page and through the API; confirmation and reasons in Chinese; audited.
/// </summary>
public sealed class ReissueTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private Task<T> Db<T>(Func<Exemplar.Web.Infrastructure.Data.ExemplarDbContext, Task<T>> f) => CertificatesTestData.WithDbAsync(app.Services, f);

    [Fact]
    public async Task A_lost_certificate_is_reissued_after_confirmation_and_the_old_one_reads_as_void_with_its_day()
    {
        var (designation, carrier) = await CaseForms.DemoAsync(app.Services, "五华科技创业示范园");
        var old = await CertificatesTestData.CertificateAsync(app.Services, "KM-2023-015");
        var city = await app.SignedInAsync("km.city");
        var url = $"/Designations/{designation}/Certificate/Reissue";
        var form = await city.GetDocumentAsync(url);
        Assert.Contains("KM-2023-015", form.QuerySelector("#reissue-current")!.TextContent);
        var before = await Db(db => db.Set<IssuedCertificate>().CountAsync());

        // Nothing chosen, nothing confirmed; then 补发 without an account of the loss.
        var empty = await (await city.PostFormAsync(url, new Dictionary<string, string>())).ToDocumentAsync();
        Assert.Contains("请选择换发或补发的原因。", empty.Errors());
        Assert.Contains("请勾选确认：换发后原证书（KM-2023-015）即日作废。", empty.Errors());
        var noReason = await (await city.PostFormAsync(url, new Dictionary<string, string> { ["Kind"] = "Lost", ["Confirmed"] = "true" })).ToDocumentAsync();
        Assert.Equal(["补发的，请说明证书遗失的情况（如遗失时间、登报或网上声明作废的情况）。"], noReason.Errors());
        // 换发 needs an accepted name change: 五华 has none.
        var noFiling = await (await city.PostFormAsync(url, new Dictionary<string, string> { ["Kind"] = "NameChange", ["Confirmed"] = "true" })).ToDocumentAsync();
        Assert.Contains("该基地没有已予备案、尚未换发证书的名称变更：名称变更须先经重大变更备案。", noFiling.Errors());
        var tooLong = await (await city.PostFormAsync(url, new Dictionary<string, string> { ["Kind"] = "Lost", ["Reason"] = new string('失', 501), ["Confirmed"] = "true" })).ToDocumentAsync();
        Assert.Contains("情况说明不能超过500个字。", tooLong.Errors());
        Assert.Equal(before, await Db(db => db.Set<IssuedCertificate>().CountAsync()));

        var done = await city.PostFormAsync(url, new Dictionary<string, string>
            { ["Kind"] = "Lost", ["Reason"] = "2026年11月10日搬迁时遗失，已于11月15日在《昆明日报》声明作废。", ["Confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/Designations", done.Headers.Location!.OriginalString);

        var all = await Db(db => db.Set<IssuedCertificate>().AsNoTracking().Where(c => c.DesignationId == designation).ToListAsync());
        Assert.Equal(2, all.Count);
        var (voided, fresh) = (all.Single(c => c.SupersededOn != null), all.Single(c => c.SupersededOn == null));
        Assert.Equal("KM-2023-015", voided.Number);
        Assert.Equal(new DateOnly(2026, 11, 21), voided.SupersededOn);
        Assert.Equal(fresh.Id, voided.SupersededById);
        Assert.Matches(@"^ZS2026-\d{6}$", fresh.Number);
        Assert.Equal((old.Id, CertificateReissueKind.Lost, new DateOnly(2026, 11, 21)), (fresh.ReplacesId!.Value, fresh.ReissueKind!.Value, fresh.IssuedOn));
        // Same designation and validity (3 years from 2023-12-15), the base's name; signed anew.
        var fields = CertificatePayload.Fields(fresh.Payload)!;
        Assert.Equal(("2023-12-15", "2026-12-15", "五华科技创业示范园", fresh.Number),
            (fields["validFrom"], fields["validUntil"], fields["base"], fields["number"]));
        Assert.NotEqual(old.Signature, fresh.Signature);
        // The base is told: its printed certificate is void from today, the new one is on 我的证书.
        var told = await Db(db => db.Set<Exemplar.Web.Features.Notifications.Notice>().AsNoTracking().SingleAsync(n => n.Ref == $"certificate:{fresh.Id}"));
        Assert.Equal($"证书已补发（新证书编号 {fresh.Number}）", told.Title);
        Assert.Contains("原证书（KM-2023-015）同日作废", told.Body);
        Assert.Contains("2026年11月21日", told.Body);

        // The old certificate, from its QR code: genuine content, but void since the day of the reissue.
        var response = await app.Client().GetAsync(CertificatesTestData.QrPath(old));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var page = await response.ToDocumentAsync();
        var result = page.QuerySelector("#verify-result")!;
        Assert.Equal("superseded", result.GetAttribute("data-outcome"));
        Assert.Contains("证书已补发（作废）：认定机关已于2026年11月21日补发新证书，本证书同日作废", result.TextContent);
        Assert.Contains(fresh.Number, result.TextContent);
        Assert.DoesNotContain("称号在有效期内", page.Body!.TextContent);
        Assert.Equal("valid", (await app.Client().GetDocumentAsync(CertificatesTestData.QrPath(fresh))).QuerySelector("#verify-result")!.GetAttribute("data-outcome"));

        var api = await app.Client().GetAsync("/api/v1/certificates/KM-2023-015");
        Assert.Contains("no-store", api.Headers.CacheControl!.ToString());
        var json = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("superseded", "已补发（作废）", "2026-11-21", fresh.Number), (json.GetProperty("status").GetString(), json.GetProperty("statusLabel").GetString(),
            json.GetProperty("supersededOn").GetString(), json.GetProperty("replacedBy").GetString()));

        // Lists and the registry show the new number only.
        Assert.Contains(fresh.Number, (await city.GetDocumentAsync("/Designations")).QuerySelector($"tr[data-designation='{designation}']")!.TextContent);
        var registry = await app.Client().GetDocumentAsync($"/Registry/Bases/{carrier}");
        var reissued = registry.QuerySelectorAll("table.history tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Single(cells => cells[1].Contains(fresh.Number));
        Assert.Equal(["2026年11月21日", $"补发证书，证书编号 {fresh.Number}（原证书 KM-2023-015 作废）"], reissued);
        Assert.Equal(fresh.Number, registry.QuerySelector($"dd a[href='/Verify/{fresh.Number}']")?.TextContent);

        var audit = await Db(db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.Operation == "证书.补发").ToListAsync());
        Assert.Contains(audit, a => a.EntityType == "IssuedCertificate" && a.EntityId == fresh.Id.ToString());
        Assert.Contains(audit, a => a.EntityType == "IssuedCertificate" && a.EntityId == voided.Id.ToString());

        // The form of the old version again (another officer's page left open): the concurrency message, nothing more saved.
        var who = await new NoticeTestData(app.Services).PrincipalAsync("km.city");
        var stale = await Handle(new ReissueCertificateCommand(designation, who, old.Version, CertificateReissueKind.Lost, null, "重复提交", true));
        Assert.Contains(Problems.ConcurrencyMessage, stale.Errors.SelectMany(e => e.Value));
        Assert.Equal(2, await Db(db => db.Set<IssuedCertificate>().CountAsync(c => c.DesignationId == designation)));
    }

    [Fact]
    public async Task A_beijing_name_change_filed_and_decided_is_followed_by_a_reissue_under_the_new_name()
    {
        var (designation, carrier) = await CaseForms.DemoAsync(app.Services, "海淀中关村创业示范基地");
        var old = await CertificatesTestData.CertificateAsync(app.Services, "BJ-2024-021");
        var applicant = await app.SignedInAsync("bj.applicant");
        var filing = CaseForms.IdFrom(await CaseForms.PostAsync(applicant, $"/ChangeFilings/New?designation={designation}",
            [("designation", designation.ToString()), ("ChangeKind", "名称"), ("Description", "名称由“海淀中关村创业示范基地”变更为“中关村海淀创新创业示范基地”"), ("EventOn", "2026-11-16")],
            [("Evidence", "名称变更通知.pdf", CaseForms.Pdf)]));
        var city = await app.SignedInAsync("bj.city");
        var url = $"/Designations/{designation}/Certificate/Reissue";
        // Not yet decided: nothing to reissue on.
        Assert.NotNull((await city.GetDocumentAsync(url)).QuerySelector("#no-name-change"));
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostFormAsync($"/ChangeFilings/{filing}", new Dictionary<string, string>
            { ["Action"] = "Accept", ["DecisionNumber"] = "京经信函〔2026〕91号", ["Reason"] = "名称变更不影响示范基地条件，予以变更。" })).StatusCode);

        // The filing tells the operator what comes next.
        var applicantView = await (await app.SignedInAsync("bj.applicant")).GetDocumentAsync($"/ChangeFilings/{filing}");
        Assert.Contains("运营单位在“基地信息”中将基地名称改为新名称后，认定机关据此换发证书", applicantView.QuerySelector("#name-change-next")!.TextContent);
        // Decided, but the base's registered name is still the old one.
        var same = await (await city.PostFormAsync(url, new Dictionary<string, string> { ["Kind"] = "NameChange", ["ChangeFilingId"] = filing.ToString(), ["Confirmed"] = "true" })).ToDocumentAsync();
        Assert.Contains("基地登记名称仍为“海淀中关村创业示范基地”，与现证书相同：请运营单位先在基地信息中更新名称，再换发证书。", same.Errors());
        await Db(async db =>
        {
            var c = await db.Set<Carrier>().SingleAsync(x => x.Id == carrier);
            c.Name = "中关村海淀创新创业示范基地";
            db.Actor.Operation = "测试.基地更名";
            return await db.SaveChangesAsync();
        });
        var form = await city.GetDocumentAsync(url);
        Assert.Contains("中关村海淀创新创业示范基地", form.QuerySelector("#reissue-current")!.TextContent);
        Assert.Contains("京经信函〔2026〕91号", form.QuerySelector("#ChangeFilingId")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostFormAsync(url, new Dictionary<string, string>
            { ["Kind"] = "NameChange", ["ChangeFilingId"] = filing.ToString(), ["Confirmed"] = "true" })).StatusCode);

        var fresh = await Db(db => db.Set<IssuedCertificate>().AsNoTracking().SingleAsync(c => c.DesignationId == designation && c.SupersededOn == null));
        var fields = CertificatePayload.Fields(fresh.Payload)!;
        // 北京 states no period: the new certificate says none, as the old one did.
        Assert.Equal(("中关村海淀创新创业示范基地", "2024-06-01", "none", filing), (fields["base"], fields["validFrom"], fields["validUntil"], fresh.ChangeFilingId!.Value));
        var page = await app.Client().GetDocumentAsync(CertificatesTestData.QrPath(old));
        var result = page.QuerySelector("#verify-result")!;
        Assert.Equal("superseded", result.GetAttribute("data-outcome"));
        Assert.Contains("证书已换发（作废）：认定机关已于2026年11月21日换发新证书", result.TextContent);
        // The old certificate still shows the name it bears.
        Assert.Contains("海淀中关村创业示范基地", page.QuerySelector("dl.facts")!.TextContent);
        var now = await app.Client().GetDocumentAsync(CertificatesTestData.QrPath(fresh));
        Assert.Contains("自2024年6月1日起，不设固定有效期（动态管理）", now.QuerySelector("dl.facts")!.TextContent);
        Assert.True(await Db(db => db.Set<AuditEntry>().AnyAsync(a => a.Operation == "证书.换发")));

        // The filing is used up: a second 换发 on it is refused.
        var again = await (await city.PostFormAsync(url, new Dictionary<string, string> { ["Kind"] = "NameChange", ["ChangeFilingId"] = filing.ToString(), ["Confirmed"] = "true" })).ToDocumentAsync();
        Assert.Contains("该基地没有已予备案、尚未换发证书的名称变更：名称变更须先经重大变更备案。", again.Errors());
    }

    [Fact]
    public async Task A_revoked_title_gets_no_new_certificate_and_another_citys_officer_never_reaches_the_form()
    {
        var (designation, _) = await CaseForms.DemoAsync(app.Services, "城关区创业创新示范园");
        await Db(async db =>
        {
            var d = await db.Set<Designation>().SingleAsync(x => x.Id == designation);
            d.RevokedOn = new DateOnly(2026, 11, 20);
            d.RevocationCitation = "第十八条";
            db.Actor.Operation = "测试.撤销";
            return await db.SaveChangesAsync();
        });
        var who = await new NoticeTestData(app.Services).PrincipalAsync("xz.region");
        var refused = await Handle(new ReissueCertificateCommand(designation, who, null, CertificateReissueKind.Lost, null, "遗失", true));
        Assert.Equal(["该认定已期满或已撤销，不能换发或补发证书。"], refused.Errors.SelectMany(e => e.Value));
        Assert.Equal(1, await Db(db => db.Set<IssuedCertificate>().CountAsync(c => c.DesignationId == designation)));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("km.city")).GetAsync($"/Designations/{designation}/Certificate/Reissue")).StatusCode);
        var other = await new NoticeTestData(app.Services).PrincipalAsync("km.city");
        Assert.True((await Handle(new ReissueCertificateCommand(designation, other, null, CertificateReissueKind.Lost, null, "遗失", true))).IsNotFound);
    }

    private async Task<SaveResult> Handle(ReissueCertificateCommand c)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReissueCertificateHandler>().HandleAsync(c, default);
    }
}
