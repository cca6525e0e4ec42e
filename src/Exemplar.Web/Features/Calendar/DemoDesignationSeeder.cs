using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calendar;

/// <summary>
/// Demo designation facts for the demo applicants (only with Exemplar:SeedDemoData), so their home pages show
/// real obligations before the designation workflow exists. Idempotent: an organisation that has a row is skipped.
/// </summary>
internal sealed class DemoDesignationSeeder : IStartupSeeder
{
    public int Order => 140;

    /// <summary>Organisation key (DemoDirectory), programme, announced on, a change completed on.</summary>
    public static readonly (string OrgKey, string ProgrammeId, DateOnly AnnouncedOn, DateOnly? ChangeCompletedOn)[] Rows =
    [
        // 3 years (第十五条) → valid through 2026-12-15; change on 2026-11-13 → file within 10 working days.
        ("km-base", "kunming-base-2022", new(2023, 12, 15), new(2026, 11, 13)),
        // 5 years (第十六条) → valid through 2027-01-20, re-review in 2027; change on 2026-11-20.
        ("lc-base", "liaocheng-base-2021", new(2022, 1, 20), new(2026, 11, 20)),
        // 3 years (第十六条) → valid through 2027-03-01.
        ("xz-base", "xizang-base-2017", new(2024, 3, 1), null),
        // No fixed validity; change on 2026-11-02 → file within 30 working days (第十七条).
        ("bj-base", "beijing-base", new(2024, 6, 1), new(2026, 11, 2)),
    ];

    public async Task SeedAsync(ExemplarDbContext db, IConfiguration configuration, CancellationToken ct)
    {
        if (!configuration.GetValue("Exemplar:SeedDemoData", false)) return;
        var names = DemoDirectory.Organizations.ToDictionary(o => o.Key, o => o.Name);
        var orgs = await db.Set<Organization>().AsNoTracking().ToDictionaryAsync(o => o.Name, ct);
        var existing = await db.Set<DemoDesignation>().Select(d => d.OrganizationId).ToHashSetAsync(ct);
        foreach (var (key, programme, announced, change) in Rows)
        {
            if (!orgs.TryGetValue(names[key], out var org) || existing.Contains(org.Id)) continue;
            db.Add(new DemoDesignation
            {
                OrganizationId = org.Id, ProgrammeId = programme, AnnouncedOn = announced, ChangeCompletedOn = change,
                JurisdictionCode = org.JurisdictionCode,
            });
        }
        db.Actor.Operation = "演示数据.认定情况";
        await db.SaveChangesAsync(ct);
    }
}
