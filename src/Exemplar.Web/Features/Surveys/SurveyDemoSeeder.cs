using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Surveys;

/// <summary>
/// Demo survey data on fixed dates (deterministic, idempotent, only with Exemplar:SeedDemoData): the 2025 survey round
/// of 昆明五华创新创业园 (links sent 2026-01-05, most answered) with a completed 10% authority sample, and one
/// sample in progress on each other demo carrier, drawn by its county or zone officer.
/// </summary>
internal sealed class SurveyDemoSeeder : IStartupSeeder
{
    public int Order => 210;

    /// <summary>A Beijing-time instant, stored in UTC.</summary>
    private static DateTimeOffset At(int year, int month, int day, int hour) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>Demo carrier → the officer who drew its sample (a user of <see cref="DemoDirectory"/>) and the seed.</summary>
    private static readonly (string Carrier, string Officer, long Seed, bool Completed)[] Samples =
    [
        ("昆明五华创新创业园", "km.wuhua", 20260302, true),
        ("五华创新创业园高新分园", "km.gaoxin", 20260303, false),
        ("盘龙众创空间", "km.panlong", 20260304, false),
        ("聊城东昌创业孵化园", "lc.dongchangfu", 20260305, false),
        ("拉萨城关创业园", "xz.chengguan", 20260306, false),
    ];

    public async Task SeedAsync(ExemplarDbContext db, IConfiguration configuration, CancellationToken ct)
    {
        if (!configuration.GetValue("Exemplar:SeedDemoData", false)) return;
        db.Actor.Operation = "演示数据.满意度调查初始化";
        var carriers = await db.Set<Carrier>().AsNoTracking().ToDictionaryAsync(c => c.Name, ct);
        var sampled = await db.Set<SurveySample>().Select(s => s.CarrierId).Distinct().ToHashSetAsync(ct);
        foreach (var (name, officer, seed, completed) in Samples)
        {
            if (!carriers.TryGetValue(name, out var carrier) || sampled.Contains(carrier.Id)) continue;
            if (completed) await SurveyRoundAsync(db, carrier, ct);
            await SampleAsync(db, carrier, DemoDirectory.Users.Single(u => u.UserName == officer).DisplayName, seed, completed, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task SurveyRoundAsync(ExemplarDbContext db, Carrier carrier, CancellationToken ct)
    {
        var sent = new DateOnly(2026, 1, 5);
        var residents = await db.Set<ResidentEnterprise>().AsNoTracking()
            .Where(e => e.CarrierId == carrier.Id && e.EntryDate <= sent && (e.ExitDate == null || e.ExitDate >= sent))
            .OrderBy(e => e.Uscc).Select(e => e.Id).ToListAsync(ct);
        var received = await db.Set<LedgerEntry>().AsNoTracking()
            .Where(e => e.CarrierId == carrier.Id && e.Date >= new DateOnly(2025, 1, 1) && e.Date <= new DateOnly(2025, 12, 31))
            .Select(e => new { e.Function, e.ResidentIds }).ToListAsync(ct);
        for (var i = 0; i < residents.Count; i++)
        {
            var invitation = new SurveyInvitation
            {
                CarrierId = carrier.Id, EnterpriseId = residents[i], Year = 2025, TokenHash = SurveyTokens.Hash(SurveyTokens.New()),
                CreatedAt = At(2026, 1, 5, 9), ExpiresAt = At(2026, 2, 5, 0),
            };
            db.Add(invitation);
            if (i % 5 == 4) continue; // four in five answer
            invitation.AnsweredAt = At(2026, 1, 6 + i % 20, 10);
            invitation.Comment = i % 7 == 0 ? "希望多组织融资对接活动。" : null;
            db.Add(new SurveyAnswer { InvitationId = invitation.Id, Function = null, Satisfied = i % 9 != 8 });
            var functions = received.Where(e => e.ResidentIds.Contains(residents[i])).Select(e => e.Function).Distinct().Order();
            foreach (var f in functions)
                db.Add(new SurveyAnswer { InvitationId = invitation.Id, Function = f, Satisfied = (i + (int)f) % 11 != 0 });
        }
    }

    private static async Task SampleAsync(ExemplarDbContext db, Carrier carrier, string officer, long seed, bool completed, CancellationToken ct)
    {
        var drawnOn = new DateOnly(2026, 3, 2);
        var population = DrawSampleHandler.Canonical(await DrawSampleHandler.Population(db, carrier.Id, drawnOn).ToListAsync(ct));
        if (population.Count == 0) return;
        var sample = new SurveySample
        {
            CarrierId = carrier.Id, Year = 2025, SharePercent = DrawSampleHandler.DefaultSharePercent, Seed = seed,
            PopulationCount = population.Count, PopulationDate = drawnOn, PopulationIds = population,
            MemberIds = [.. SurveySampler.Draw(population, DrawSampleHandler.DefaultSharePercent, (ulong)seed)],
            DrawnBy = officer, DrawnAt = At(2026, 3, 2, 10),
        };
        db.Add(sample);
        if (!completed) return;
        for (var i = 0; i < sample.MemberIds.Count; i++)
            db.Add(new SurveySampleAnswer
            {
                SampleId = sample.Id, EnterpriseId = sample.MemberIds[i], Satisfied = i != 2, ContactMethod = i % 2 == 0 ? SampleContactMethod.Phone : SampleContactMethod.Visit,
                Comment = i == 2 ? "反映培训场地不足。" : null, RecordedBy = officer, RecordedAt = At(2026, 3, 5 + i, 15),
            });
        sample.CompletedAt = At(2026, 3, 10, 17);
        sample.CompletedBy = officer;
    }
}
