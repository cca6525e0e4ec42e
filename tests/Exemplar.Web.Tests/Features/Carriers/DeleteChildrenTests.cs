using System.Net;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Tests.Features.Surveys;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Tests.Features.Carriers;

/// <summary>Deleting a record removes its children through EF, so every removed row has its own audit entry (before-image).</summary>
public sealed class DeleteChildrenTests(SurveyFactory app) : IClassFixture<SurveyFactory>
{
    private readonly SurveyTestData data = new(app);

    private sealed record Built(Guid Carrier, Dictionary<string, List<Guid>> Rows, Guid Attachment);

    /// <summary>A carrier with one of every child kind (two enterprises with year figures, a survey, a sample, an attachment).</summary>
    private async Task<Built> BuildAsync(string name)
    {
        var carrier = await data.CarrierAsync(name);
        var a = await data.EnterpriseAsync(carrier, "删甲有限公司", 1);
        var b = await data.EnterpriseAsync(carrier, "删乙有限公司", 2);
        var rows = await data.DbAsync(async db =>
        {
            var figures = new[] { new ResidentYearFigure { EnterpriseId = a, Year = 2025, Employees = 3 }, new ResidentYearFigure { EnterpriseId = b, Year = 2025, Employees = 4 } };
            var staff = new ServiceStaff { CarrierId = carrier, Name = "删老师" };
            var partner = new PartnerAgency { CarrierId = carrier, Name = "删机构", AgreementFrom = new DateOnly(2024, 1, 1) };
            var entry = new LedgerEntry { CarrierId = carrier, Function = ServiceFunction.Training, Date = new DateOnly(2025, 5, 1), Place = "厅", Form = ServiceForm.Training, ResidentIds = [a, b], PersonCount = 9, PartnerAgencyId = partner.Id };
            var entry2 = new LedgerEntry { CarrierId = carrier, Function = ServiceFunction.Financing, Date = new DateOnly(2025, 6, 1), Place = "厅", Form = ServiceForm.OneToOne, ResidentIds = [a], PersonCount = 1 };
            var attachment = new LedgerAttachment { EntryId = entry.Id, FileName = "签到表.pdf", ContentType = "application/pdf", Size = 5, Sha256 = new string('a', 64), UploadedAt = DateTimeOffset.UtcNow };
            var invitation = new SurveyInvitation { CarrierId = carrier, EnterpriseId = a, Year = 2025, TokenHash = $"{carrier:N}".PadRight(64, 'd'), CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow, AnsweredAt = DateTimeOffset.UtcNow };
            var answer = new SurveyAnswer { InvitationId = invitation.Id, Function = null, Satisfied = true };
            var sample = new SurveySample { CarrierId = carrier, Year = 2025, SharePercent = 10, Seed = 7, PopulationCount = 2, PopulationDate = new DateOnly(2026, 1, 1), PopulationIds = [a, b], MemberIds = [b], DrawnBy = "王芳", DrawnAt = DateTimeOffset.UtcNow };
            var sampleAnswer = new SurveySampleAnswer { SampleId = sample.Id, EnterpriseId = b, Satisfied = true, ContactMethod = SampleContactMethod.Phone, RecordedBy = "王芳", RecordedAt = DateTimeOffset.UtcNow };
            db.AddRange(figures); db.AddRange(staff, partner, entry, entry2, attachment, invitation, answer, sample, sampleAnswer);
            db.Add(new LedgerAttachmentContent { AttachmentId = attachment.Id, Content = [0x25, 0x50, 0x44, 0x46, 0x2D] });
            await db.SaveChangesAsync();
            return new Dictionary<string, List<Guid>>
            {
                ["Carrier"] = [carrier], ["ResidentEnterprise"] = [a, b], ["ResidentYearFigure"] = [.. figures.Select(f => f.Id)], ["ServiceStaff"] = [staff.Id],
                ["PartnerAgency"] = [partner.Id], ["LedgerEntry"] = [entry.Id, entry2.Id], ["LedgerAttachment"] = [attachment.Id],
                ["SurveyInvitation"] = [invitation.Id], ["SurveyAnswer"] = [answer.Id], ["SurveySample"] = [sample.Id], ["SurveySampleAnswer"] = [sampleAnswer.Id],
            };
        });
        return new Built(carrier, rows, rows["LedgerAttachment"][0]);
    }

    private async Task<HashSet<(string, string)>> DeletedAuditsAsync(string operation) =>
        (await data.DbAsync(db => db.Set<AuditEntry>().Where(x => x.Action == "Deleted" && x.Operation == operation)
            .Select(x => new { x.EntityType, x.EntityId, x.Before }).ToListAsync()))
        .Where(x => x.Before is not null).Select(x => (x.EntityType, x.EntityId)).ToHashSet();

    [Fact]
    public async Task Deleting_a_carrier_audits_every_removed_row()
    {
        var built = await BuildAsync("删除审计园");
        var client = await app.SignedInAsync("km.applicant");
        var url = $"/Base/{built.Carrier}/Delete/Carrier/{built.Carrier}";
        var version = (await client.GetDocumentAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var r = await client.PostFormAsync(url, new Dictionary<string, string> { ["Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var expected = built.Rows.SelectMany(kv => kv.Value.Select(id => (kv.Key, id.ToString()))).ToHashSet();
        var audited = await DeletedAuditsAsync("基地（平台）.删除");
        Assert.Equal(14, expected.Count);
        Assert.Superset(expected, audited);
        Assert.Empty(audited.Except(expected));
        Assert.Equal(0, await data.DbAsync(db => db.Set<ResidentEnterprise>().CountAsync(e => e.CarrierId == built.Carrier)));
        Assert.Equal(0, await data.DbAsync(db => db.Set<LedgerAttachmentContent>().CountAsync(x => x.AttachmentId == built.Attachment)));
        Assert.Equal(0, await data.DbAsync(db => db.Set<SurveySampleAnswer>().CountAsync(x => built.Rows["SurveySampleAnswer"].Contains(x.Id))));
        var verify = await (await app.SignedInAsync("admin")).PostAsync("/api/v1/admin/audit/verify", null);
        Assert.Contains("\"intact\":true", (await verify.Content.ReadAsStringAsync()).Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Deleting_an_enterprise_an_entry_or_a_partner_audits_the_rows_it_takes_or_changes()
    {
        var built = await BuildAsync("删除子项园");
        var client = await app.SignedInAsync("km.applicant");
        async Task Delete(string kind, Guid id)
        {
            var url = $"/Base/{built.Carrier}/Delete/{kind}/{id}";
            var page = await client.GetAsync(url);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url}: {(int)page.StatusCode} {page.Headers.Location}");
            var version = (await page.ToDocumentAsync()).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, new Dictionary<string, string> { ["Version"] = version })).StatusCode);
        }
        var a = built.Rows["ResidentEnterprise"][0];
        await Delete("Enterprise", a);
        var enterpriseAudits = await DeletedAuditsAsync("入驻企业.删除");
        Assert.Contains(("ResidentEnterprise", a.ToString()), enterpriseAudits);
        Assert.Contains(("ResidentYearFigure", built.Rows["ResidentYearFigure"][0].ToString()), enterpriseAudits);
        Assert.Contains(("SurveyInvitation", built.Rows["SurveyInvitation"][0].ToString()), enterpriseAudits);
        Assert.Contains(("SurveyAnswer", built.Rows["SurveyAnswer"][0].ToString()), enterpriseAudits);

        var entry = built.Rows["LedgerEntry"][0];
        await Delete("Entry", entry);
        Assert.Contains(("LedgerAttachment", built.Attachment.ToString()), await DeletedAuditsAsync("台账记录.删除"));
        Assert.Equal(0, await data.DbAsync(db => db.Set<LedgerAttachmentContent>().CountAsync(x => x.AttachmentId == built.Attachment)));

        // The second entry was given by the partner: deleting the partner clears the link on the entry, audited as a change.
        var partner = built.Rows["PartnerAgency"][0];
        var entry2 = built.Rows["LedgerEntry"][1];
        await data.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE ledger_entries SET partner_agency_id = {partner} WHERE id = {entry2}"));
        await Delete("Partner", partner);
        var change = await data.DbAsync(db => db.Set<AuditEntry>().SingleAsync(x => x.Operation == "合作机构.删除" && x.EntityType == "LedgerEntry" && x.EntityId == entry2.ToString()));
        Assert.Equal("Modified", change.Action);
        Assert.Contains(partner.ToString(), change.Before);
        Assert.Null(await data.DbAsync(db => db.Set<LedgerEntry>().Where(e => e.Id == entry2).Select(e => e.PartnerAgencyId).SingleAsync()));
    }
}
