using Exemplar.Domain.Designations;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Designations;

/// <summary>
/// Designated demo bases (only with Exemplar:SeedDemoData): one base per demo operator, designated before the product
/// existed and entered as officers enter such designations, with a later change and a signed certificate, so home pages
/// show real obligations and the registry has entries. They are bases of their own, apart from the bases the demo
/// applicants apply with (a valid title would bar those applications). Idempotent by base name.
/// </summary>
internal sealed class DesignationDemoSeeder(Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection, DesignationScope scope,
    ProgrammePolicies policies, Microsoft.Extensions.Options.IOptions<CertificateOptions> certificateOptions, TimeProvider clock) : IStartupSeeder
{
    public int Order => 330;

    public sealed record DemoDesignated(string OrgKey, string BaseName, string Jurisdiction, string[] Industries, string ProgrammeId, string Announcement,
        DateOnly AnnouncedOn, string Certificate, DateOnly? ChangeCompletedOn, string? Change);

    public static readonly DemoDesignated[] Rows =
    [
        // 3 years (第十五条) → valid through 2026-12-15; change on 2026-11-13 → file within 10 working days (第十九条).
        new("km-base", "五华科技创业示范园", "530102", ["软件及信息技术服务", "研发设计"], "kunming-base-2022", "昆工信〔2023〕215号", new(2023, 12, 15), "KM-2023-015",
            new(2026, 11, 13), "运营场地扩建至二期"),
        // 5 years (第十六条) → valid through 2027-01-20, re-review in 2027; change on 2026-11-20.
        new("lc-base", "东昌府区创业创新示范园", "371502", ["新材料"], "liaocheng-base-2021", "聊工信发〔2022〕9号", new(2022, 1, 20), "LC-2022-007",
            new(2026, 11, 20), "运营单位法定代表人变更"),
        // 3 years (第十六条) → valid through 2027-03-01.
        new("xz-base", "城关区创业创新示范园", "540102", ["绿色食品", "文化旅游"], "xizang-base-2017", "藏工信发〔2024〕31号", new(2024, 3, 1), "XZ-2024-003", null, null),
        // No fixed validity (动态管理); change on 2026-11-02 → file within 30 working days (第十七条).
        new("bj-base", "海淀中关村创业示范基地", "110108", ["软件", "人工智能"], "beijing-base", "京经信发〔2024〕56号", new(2024, 6, 1), "BJ-2024-021",
            new(2026, 11, 2), "主导产业调整"),
    ];

    public async Task SeedAsync(ExemplarDbContext db, IConfiguration configuration, CancellationToken ct)
    {
        if (!configuration.GetValue("Exemplar:SeedDemoData", false)) return;
        var orgs = await db.Set<Organization>().AsNoTracking().ToDictionaryAsync(o => o.Name, ct);
        var existing = await db.Set<Carrier>().Select(c => c.Name).ToHashSetAsync(ct);
        var issuer = new CertificateIssuer(db, new CertificateSigner(db, protection, certificateOptions, clock), policies, scope, clock);
        foreach (var r in Rows.Where(r => !existing.Contains(r.BaseName)))
        {
            var orgName = DemoDirectory.Organizations.Single(o => o.Key == r.OrgKey).Name;
            if (!orgs.TryGetValue(orgName, out var org)) continue;
            var policy = policies.VersionsOf(r.ProgrammeId).OrderByDescending(p => p.EffectiveFrom ?? DateOnly.MinValue).First();
            var now = clock.GetUtcNow();
            var carrier = new Carrier
            {
                OrganizationId = org.Id, Name = r.BaseName, JurisdictionCode = r.Jurisdiction, Kind = CarrierKind.Base, LeadingIndustries = [.. r.Industries],
                PrimaryType = CarrierPrimaryType.ProducerServices, Area = 15000, PublicServiceArea = 3000, EstablishedOn = new DateOnly(2017, 5, 1),
                CarrierType = "startupPark", OperatorSince = new DateOnly(2017, 5, 1), OperatorFoundedOn = new DateOnly(2016, 8, 1), CreatedAt = now,
            };
            var term = DesignationTerm.For(policy, r.AnnouncedOn);
            var d = new Designation
            {
                CarrierId = carrier.Id, ProgrammeId = policy.Id, PolicyVersion = policy.Version, AnnouncementNumber = r.Announcement, AnnouncedOn = r.AnnouncedOn,
                ValidFrom = term.ValidFrom, ValidUntil = term.ValidUntil, EnteredAfterwards = true, CreatedAt = now,
                PlaqueAwardedOn = policy.Procedure.Plaque is null ? null : r.AnnouncedOn.AddDays(20),
            };
            db.Add(carrier);
            db.Add(d);
            if (r.ChangeCompletedOn is { } changed) db.Add(new DesignationChange { DesignationId = d.Id, CompletedOn = changed, Description = r.Change!, CreatedAt = now });
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                db.Actor.Operation = "演示数据.既有认定";
                await db.SaveChangesAsync(ct);
                await issuer.IssueAsync(d, r.Certificate, ct);
                await tx.CommitAsync(ct);
            });
        }
    }
}
