using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.AnnualSummaries;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Tests.Features.Surveys;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Ledger;

/// <summary>
/// The ledger's one aggregate (<see cref="LedgerVolumesQuery"/>) gives the same figures whichever way it is reached — a
/// base's metrics (<see cref="LedgerMetricsQuery.VolumesAsync"/>), every carrier at once, the authority's dashboard, the
/// annual report's area totals — and the same as the C# definition (<see cref="LedgerMetrics.Volume"/>), all checked
/// against hand counts of small ledgers. Year 2023, which the demo data leaves empty.
/// </summary>
public sealed class LedgerAggregateTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly SurveyTestData data = new(app);
    private const string Kunming = "kunming-base-2022";

    private Task Entry(Guid carrier, ServiceFunction f, string date, ServiceForm form, EventTopic topic, int persons, FeeClass fee, Guid[] residents, params string[] others) =>
        data.DbAsync<object?>(async db =>
        {
            db.Add(new LedgerEntry
            {
                CarrierId = carrier, Function = f, Date = DateOnly.Parse(date), Place = "服务大厅", Form = form, Topic = topic,
                ResidentIds = [.. residents], OtherNames = [.. others], PersonCount = persons, Fee = fee, Feedback = "满意",
            });
            await db.SaveChangesAsync();
            return null;
        });

    private Task Designate(Guid carrier, DateOnly? announced = null) => data.DbAsync<object?>(async db =>
    {
        var on = announced ?? new DateOnly(2023, 1, 10);
        var policy = app.Services.GetRequiredService<ProgrammePolicies>().VersionsOf(Kunming).OrderByDescending(p => p.EffectiveFrom ?? DateOnly.MinValue).First();
        db.Add(new Designation
        {
            CarrierId = carrier, ProgrammeId = Kunming, PolicyVersion = policy.Version, AnnouncementNumber = "测试〔2023〕9号",
            AnnouncedOn = on, ValidFrom = on, ValidUntil = new DateOnly(2026, 12, 31), CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return null;
    });

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider);
    }

    /// <summary>家次, 家, 次, 人次, 展览展销, 产品对接, 银企对接, 融资讲座, free/low-fee 家次.</summary>
    private static int[] Figures(VolumeRow v) => [v.EnterpriseVisits, v.EnterprisesServed, v.Events, v.PersonTimes,
        v.ExhibitionEvents, v.MatchmakingEvents, v.BankEnterpriseEvents, v.FinanceLectureEvents, v.FreeOrLowFeeVisits];

    private static int[] Figures(FunctionVolume v) => [v.EnterpriseVisits, v.EnterprisesServed, v.Events, v.PersonTimes,
        v.ExhibitionEvents, v.MatchmakingEvents, v.BankEnterpriseEvents, v.FinanceLectureEvents];

    [Fact]
    public async Task Every_path_to_the_ledger_figures_gives_the_hand_counted_numbers()
    {
        // Two bases in 五华区 (the area), one in 盘龙区 (outside it); all three designated under the Kunming programme.
        var a = await data.CarrierAsync("聚合甲园", "530102");
        var b = await data.CarrierAsync("聚合乙园", "530102");
        var outside = await data.CarrierAsync("聚合丙园", "530103", "km-base2");
        var (r1, r2, r3) = (await data.EnterpriseAsync(a, "聚合甲公司", 71), await data.EnterpriseAsync(a, "聚合乙公司", 72), await data.EnterpriseAsync(a, "聚合丙公司", 73));
        var s1 = await data.EnterpriseAsync(b, "聚合丁公司", 74);
        var t1 = await data.EnterpriseAsync(outside, "聚合戊公司", 75);
        foreach (var c in new[] { a, b, outside }) await Designate(c);
        await Designate(a, new DateOnly(2023, 9, 1)); // a second title of 甲园 overlapping the year: its ledger still counts once

        const ServiceFunction Info = ServiceFunction.InformationService, Training = ServiceFunction.Training;
        // 甲园 信息服务: 甲 served twice one-to-one (2 家次, 1 家); an event (产品对接) with 甲, 乙, 丙 and 外部甲公司 by name;
        // a training nobody was named in (0 家次, 1 次, 12 人次).
        await Entry(a, Info, "2023-02-01", ServiceForm.OneToOne, EventTopic.None, 1, FeeClass.Market, [r1]);
        await Entry(a, Info, "2023-03-01", ServiceForm.OneToOne, EventTopic.None, 2, FeeClass.Free, [r1]);
        await Entry(a, Info, "2023-04-01", ServiceForm.Event, EventTopic.Matchmaking, 25, FeeClass.LowFee, [r1, r2, r3], "外部甲公司");
        await Entry(a, Info, "2023-05-01", ServiceForm.Training, EventTopic.None, 12, FeeClass.Free, []);
        // 甲园 人员培训: a training (乙 and 外部甲公司, market price) and a 融资讲座 event on the year's last day (乙).
        await Entry(a, Training, "2023-06-01", ServiceForm.Training, EventTopic.None, 8, FeeClass.Market, [r2], "外部甲公司");
        await Entry(a, Training, "2023-12-31", ServiceForm.Event, EventTopic.FinanceLecture, 30, FeeClass.Free, [r2]);
        // Other years: never counted in 2023.
        await Entry(a, Info, "2022-12-31", ServiceForm.OneToOne, EventTopic.None, 1, FeeClass.Free, [r1]);
        await Entry(a, Training, "2024-01-01", ServiceForm.Event, EventTopic.None, 40, FeeClass.Free, [r2, r3]);
        // 乙园 信息服务: a 展览展销 event (丁, 外部甲公司, 外部乙公司) and a one-to-one for 外部乙公司 again.
        await Entry(b, Info, "2023-07-01", ServiceForm.Event, EventTopic.Exhibition, 20, FeeClass.Free, [s1], "外部甲公司", "外部乙公司");
        await Entry(b, Info, "2023-08-01", ServiceForm.OneToOne, EventTopic.None, 1, FeeClass.LowFee, [], "外部乙公司");
        // 丙园 (盘龙区) 信息服务: a 银企对接 event.
        await Entry(outside, Info, "2023-03-01", ServiceForm.Event, EventTopic.BankEnterprise, 50, FeeClass.Free, [t1], "外部甲公司");

        // By hand — 家次, 家, 次, 人次, 展览展销, 产品对接, 银企对接, 融资讲座, free/low-fee 家次:
        // 甲园 信息服务: 1+1+4+0 = 6; {甲, 乙, 丙, 外部甲公司} = 4; 2 (event, training); 1+2+25+12 = 40; 0, 1, 0, 0; 1 (free) + 4 (low fee) = 5.
        // 甲园 人员培训: 2+1 = 3; {乙, 外部甲公司} = 2; 2; 8+30 = 38; 0, 0, 0, 1; 1.
        // 乙园 信息服务: 3+1 = 4; {丁, 外部甲公司, 外部乙公司} = 3; 1; 21; 1, 0, 0, 0; 3+1 = 4.
        // 丙园 信息服务: 2; 2; 1; 50; 0, 0, 1, 0; 2.
        var expected = new Dictionary<(Guid, ServiceFunction), int[]>
        {
            [(a, Info)] = [6, 4, 2, 40, 0, 1, 0, 0, 5],
            [(a, Training)] = [3, 2, 2, 38, 0, 0, 0, 1, 1],
            [(b, Info)] = [4, 3, 1, 21, 1, 0, 0, 0, 4],
            [(outside, Info)] = [2, 2, 1, 50, 0, 0, 1, 0, 2],
        };
        int[] Expected(Guid c, ServiceFunction f) => expected.GetValueOrDefault((c, f), new int[9]);
        var ours = new[] { a, b, outside };

        // One base at a time (the metrics page, its API, the summary pre-fill): every function, zeros where nothing was recorded.
        var perCarrier = await WithAsync(async s =>
        {
            var q = s.GetRequiredService<LedgerMetricsQuery>();
            var result = new Dictionary<(Guid, ServiceFunction), int[]>();
            foreach (var c in ours)
                foreach (var v in await q.VolumesAsync(c, 2023, default)) result[(c, v.Function)] = Figures(v);
            return result;
        });
        foreach (var c in ours)
            foreach (var f in ServiceFunctions.All) Assert.Equal(Expected(c, f), perCarrier[(c, f)]);

        // Every carrier at once (the statement the dashboard and the area totals run): the same rows, nothing else of ours.
        var all = await WithAsync(s => s.GetRequiredService<LedgerVolumesQuery>().ForCarriersAsync(null, 2023, default));
        var allOurs = all.Where(v => ours.Contains(v.CarrierId)).ToDictionary(v => (v.CarrierId, v.Function), v => Figures(v.ToRow()));
        Assert.Equal(expected.Keys.Order(), allOurs.Keys.Order());
        foreach (var (key, figures) in allOurs) Assert.Equal(expected[key], figures);
        var some = await WithAsync(s => s.GetRequiredService<LedgerVolumesQuery>().ForCarriersAsync([a, b], 2023, default));
        Assert.Equal([.. all.Where(v => v.CarrierId == a || v.CarrierId == b).OrderBy(v => v.CarrierId).ThenBy(v => v.Function)],
            some.OrderBy(v => v.CarrierId).ThenBy(v => v.Function).ToList());

        // The C# definition over the same entries (the drill-down lists and the documents count with it).
        await WithAsync<object?>(async s =>
        {
            var q = s.GetRequiredService<LedgerMetricsQuery>();
            foreach (var c in ours)
            {
                var facts = await q.EntriesAsync(c, new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31), null, default);
                foreach (var f in ServiceFunctions.All)
                    Assert.Equal(Expected(c, f)[..8], Figures(LedgerMetrics.Volume(facts, f, 2023)));
                Assert.Equal(expected.Where(x => x.Key.Item1 == c).Sum(x => x.Value[8]), LedgerMetrics.FreeOrLowFeeShare(facts, 2023).FreeOrLowFeeVisits);
            }
            return null;
        });

        // The 五华区 officer's dashboard: 甲园 and 乙园, not 丙园; 信息服务 6+4 家次, 家 per base summed 4+3, 次 2+1, 人次 40+21, free 5+4.
        var wuhua = await app.SignedInAsync("km.wuhua");
        var page = await wuhua.GetDocumentAsync("/Statistics?year=2023");
        int Measure(AngleSharp.Dom.IElement row, string m) => int.Parse(row.QuerySelector($"[data-measure='{m}']")!.TextContent.Trim());
        var infoRow = page.QuerySelector($"#services tr[data-function='{Info}']")!;
        Assert.Equal([2, 10, 7, 3, 61, 9], new[] { "Bases", "EnterpriseVisits", "Enterprises", "Events", "PersonTimes", "FreeOrLowFeeVisits" }.Select(m => Measure(infoRow, m)));
        var list = await wuhua.GetDocumentAsync($"/Statistics/Services?year=2023&function={Info}");
        var perBase = list.QuerySelectorAll("#base-volumes tbody tr").ToDictionary(tr => Guid.Parse(tr.GetAttribute("data-carrier")!),
            tr => new[] { "EnterpriseVisits", "Enterprises", "Events", "PersonTimes", "FreeOrLowFeeVisits" }.Select(m => Measure(tr, m)).ToArray());
        Assert.Equal(new[] { a, b }.Order(), perBase.Keys.Order());
        foreach (var c in new[] { a, b })
            Assert.Equal([.. Expected(c, Info)[..4], Expected(c, Info)[8]], perBase[c]);

        // The annual report's area totals for 五华区: the two bases' ledgers (甲园 once despite its two titles), per function and overall.
        var totals = await WithAsync(async s =>
        {
            var codes = (await s.GetRequiredService<JurisdictionTreeCache>().GetAsync()).SubtreeCodes("530102");
            return await s.GetRequiredService<AreaTotalsQuery>().ForAsync(Kunming, codes, 2023, default);
        });
        var info = totals.Functions.Single(f => f.Function == Info);
        Assert.Equal((10, 3, 61, 9), (info.EnterpriseVisits, info.Events, info.PersonTimes, info.FreeOrLowFeeVisits));
        var training = totals.Functions.Single(f => f.Function == Training);
        Assert.Equal((3, 2, 38, 1), (training.EnterpriseVisits, training.Events, training.PersonTimes, training.FreeOrLowFeeVisits));
        Assert.Equal((13, 5, 99, 10), (totals.All.EnterpriseVisits, totals.All.Events, totals.All.PersonTimes, totals.All.FreeOrLowFeeVisits));
    }

    [Fact]
    public async Task One_carriers_figures_are_an_index_range_scan_of_its_own_entries()
    {
        var plan = await WithAsync(async s =>
        {
            var query = s.GetRequiredService<LedgerVolumesQuery>().OfCarrier(Guid.NewGuid(), 2025);
            await using var command = query.CreateDbCommand();
            await command.Connection!.OpenAsync();
            try
            {
                // The demo database is small enough for a sequential scan to be cheapest; what matters is that the carrier
                // and the year reach the index (the filter is pushed below the grouping), so sequential scans are ruled out.
                await using (var off = command.Connection.CreateCommand()) { off.CommandText = "SET enable_seqscan = off"; await off.ExecuteNonQueryAsync(); }
                command.CommandText = "EXPLAIN " + command.CommandText;
                var lines = new List<string>();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
                return string.Join("\n", lines);
            }
            finally
            {
                await using (var on = command.Connection.CreateCommand()) { on.CommandText = "RESET enable_seqscan"; await on.ExecuteNonQueryAsync(); }
                await command.Connection.CloseAsync();
            }
        });
        Assert.Contains("ix_ledger_entries_carrier_id_date", plan);
        // Both groupings (the entries' counts and the distinct participants) read the carrier's range of the index.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(plan, @"Index Cond: \(\((e\.)?carrier_id = .*date >= .*date <= "));
        Assert.DoesNotContain("Seq Scan", plan);
    }
}
