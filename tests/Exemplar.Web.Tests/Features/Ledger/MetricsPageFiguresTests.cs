using Exemplar.Domain.Ledger;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Tests.Features.Surveys;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Ledger;

/// <summary>
/// The metrics page takes the entries' figures and anomalies from SQL (<see cref="LedgerMetricsQuery.YearFiguresAsync"/>,
/// <see cref="LedgerAnomaliesQuery"/>) instead of loading the year's entries: checked against hand counts of a small
/// ledger on the page itself, and against the domain's C# definitions (<see cref="LedgerYearFigures.Of"/>,
/// <see cref="LedgerAnomalies.Find"/>, <see cref="LedgerProfile.Facts(CarrierRecords, int)"/>) over a generated ledger.
/// Year 2023 (and 2022 for the year before), which the demo data leaves empty.
/// </summary>
public sealed class MetricsPageFiguresTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly SurveyTestData data = new(app);

    private Task<Guid> Entry(Guid carrier, ServiceFunction f, string date, ServiceForm form, EventTopic topic, int persons, FeeClass fee,
        Guid[] residents, string[] others, string place = "服务大厅", string? feedback = "满意") => data.DbAsync(async db =>
    {
        var e = new LedgerEntry
        {
            CarrierId = carrier, Function = f, Date = DateOnly.Parse(date), Place = place, Form = form, Topic = topic,
            ResidentIds = [.. residents], OtherNames = [.. others], PersonCount = persons, Fee = fee, Feedback = feedback,
        };
        db.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    });

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider);
    }

    [Fact]
    public void Sql_white_space_is_dotnets_white_space()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
            Assert.Equal(char.IsWhiteSpace(c), SqlText.WhiteSpace.Any(r => r.From <= c && c <= r.To));
    }

    [Fact]
    public async Task The_page_shows_the_hand_counted_figures_and_anomalies_of_a_small_ledger()
    {
        var c = await data.CarrierAsync("指标核对园");
        var r1 = await data.EnterpriseAsync(c, "核对甲公司", 81, SizeClass.Micro, new DateOnly(2022, 1, 1));
        var r2 = await data.EnterpriseAsync(c, "核对乙公司", 82, SizeClass.Small, new DateOnly(2023, 6, 1));
        var r3 = await data.EnterpriseAsync(c, "核对丙公司", 83, SizeClass.Other, new DateOnly(2022, 1, 1), new DateOnly(2023, 9, 30));
        const ServiceFunction Info = ServiceFunction.InformationService, Training = ServiceFunction.Training;
        // E1 and E2 are the same service entered twice (the place differs only by a trailing full-width space, which Trim removes).
        var e1 = await Entry(c, Info, "2023-02-01", ServiceForm.OneToOne, EventTopic.None, 1, FeeClass.Free, [r1], []);
        var e2 = await Entry(c, Info, "2023-02-01", ServiceForm.OneToOne, EventTopic.None, 1, FeeClass.Free, [r1], [], place: "服务大厅\u3000");
        // E3: an exhibition with 甲, 乙 (not yet resident: it entered on 2023-06-01) and 外部甲公司, but 1 person for 3 enterprises.
        var e3 = await Entry(c, Info, "2023-03-01", ServiceForm.Event, EventTopic.Exhibition, 1, FeeClass.LowFee, [r1, r2], ["外部甲公司"]);
        // E4: a training for 丙 after it left (2023-09-30), 6,000 persons, no feedback, market price.
        var e4 = await Entry(c, Training, "2023-10-15", ServiceForm.Training, EventTopic.None, 6000, FeeClass.Market, [r3], [], feedback: null);
        // E5: 乙 (resident by then) and 外部甲公司, feedback only a full-width space (blank).
        var e5 = await Entry(c, Info, "2023-12-31", ServiceForm.OneToOne, EventTopic.None, 2, FeeClass.Free, [r2], ["外部甲公司"], feedback: "\u3000");
        // The year before: 丙 and 外部丙公司 (the served series' first year); never in 2023's figures or anomalies.
        await Entry(c, Info, "2022-06-01", ServiceForm.OneToOne, EventTopic.None, 1, FeeClass.Free, [r3], ["外部丙公司"]);

        // By hand, 2023: 家次 1+1+3+1+2 = 8, of them free/low-fee 1+1+3+2 = 7 (87.50%); to resident small/micro (甲 micro, 乙 small;
        // 丙 is neither) free/low-fee: E1 甲, E2 甲, E3 甲+乙, E5 乙 = 5; enterprises served {甲, 乙, 丙, 外部甲公司} = 4; 2022: {丙, 外部丙公司} = 2.
        // 信息服务: 家次 1+1+3+2 = 7, 家 {甲, 乙, 外部甲公司} = 3, 次 1 (E3), 人次 1+1+1+2 = 5, 展览展销 1. 人员培训: 1, 1, 1, 6000.
        var figures = await WithAsync(s => s.GetRequiredService<LedgerMetricsQuery>().YearFiguresAsync(c, 2023, null, default));
        Assert.Equal((new FeeShare(7, 8), 5, 4, 2), (figures.Share, figures.FreeOrLowFeeVisitsToSmallMicro, figures.EnterprisesServed, figures.EnterprisesServedPreviousYear));
        var info = figures.Volumes.Single(v => v.Function == Info);
        Assert.Equal((7, 3, 1, 5, 1), (info.EnterpriseVisits, info.EnterprisesServed, info.Events, info.PersonTimes, info.ExhibitionEvents));
        var training = figures.Volumes.Single(v => v.Function == Training);
        Assert.Equal((1, 1, 1, 6000), (training.EnterpriseVisits, training.EnterprisesServed, training.Events, training.PersonTimes));

        var client = await app.SignedInAsync("km.applicant");
        var page = await client.GetDocumentAsync($"/Base/{c}/Metrics/2023");
        Assert.StartsWith("87.5%（7 / 8 家次", page.QuerySelector("#fee-share")!.TextContent.Trim());
        string Fact(string key) => page.QuerySelector($"tr[data-fact='{key}'] td:nth-child(2)")!.TextContent.Trim();
        Assert.Equal("4", Fact("enterprisesServedAnnual"));
        Assert.Equal("2022年 2；2023年 4", Fact("enterprisesServedSeries"));
        Assert.Equal("5", Fact("freeOrLowFeeVolumeToSmallMicro"));
        Assert.Equal("7", Fact("freeOrLowFeeServiceVolume"));
        Assert.Equal("8", Fact("totalServiceVolume"));
        Assert.Equal("7", Fact("functions.informationService.enterpriseVisits"));
        Assert.Equal("3", Fact("functions.informationService.enterprisesServed"));
        Assert.Equal("6000", Fact("functions.training.personTimes"));

        // Most severe first, then the latest service date first.
        var items = page.QuerySelectorAll("#anomalies li").Select(li => (Kind: li.GetAttribute("data-kind"),
            Text: li.QuerySelector("strong")!.NextSibling!.TextContent.TrimStart('：').Trim(),
            Links: li.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!.Split('/')[^1]).ToList())).ToList();
        Assert.Equal(
        [
            ("DuplicateEntry", "信息服务 2023年2月1日 在“服务大厅”有 2 条内容相同的记录"),
            ("SameEnterpriseSameDay", "“核对甲公司”于 2023年2月1日 在信息服务中被计数 2 次"),
            ("OutsideResidency", "“核对丙公司”入驻期为2022年1月1日至2023年9月30日，服务日期 2023年10月15日 不在其中"),
            ("OutsideResidency", "“核对乙公司”入驻期为2023年6月1日至今，服务日期 2023年3月1日 不在其中"),
            ("ImplausibleHeadCount", "人数 6000 超过 5000"),
            ("ImplausibleHeadCount", "人数 1 少于参与企业数 3"),
            ("MissingFeedback", "2023年12月31日 信息服务 未记录企业反馈"),
            ("MissingFeedback", "2023年10月15日 人员培训 未记录企业反馈"),
        ], items.Select(i => (i.Kind, i.Text)).ToList());
        Assert.Equal(new[] { e1, e2 }.Select(x => x.ToString()).Order(), items[0].Links.Order());
        Assert.Equal(new[] { e1, e2 }.Select(x => x.ToString()).Order(), items[1].Links.Order());
        Assert.Equal([[e4.ToString()], [e3.ToString()], [e4.ToString()], [e3.ToString()], [e5.ToString()], [e4.ToString()]],
            items.Skip(2).Select(i => i.Links).ToList());
    }

    [Fact]
    public async Task The_sql_figures_and_anomalies_equal_the_domains_over_a_generated_ledger()
    {
        var c = await data.CarrierAsync("指标生成园");
        var rnd = new Random(20261201);
        var sizes = new[] { SizeClass.Small, SizeClass.Micro, SizeClass.Other };
        var residents = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var entry = new DateOnly(2022, 1, 1).AddDays(rnd.Next(0, 700));
            DateOnly? exit = rnd.Next(3) == 0 ? entry.AddDays(rnd.Next(30, 400)) : null;
            residents.Add(await data.EnterpriseAsync(c, $"生成企业{i}", 100 + i, sizes[rnd.Next(3)], entry, exit));
        }
        var gone = Guid.NewGuid(); // a resident id whose record is gone: named 已删除企业
        var pool = residents.Append(gone).ToArray();
        var others = new[] { "外部甲", "外部乙", "外部丙", "外部丁" };
        var places = new[] { "路演厅", " 路演厅", "路演厅\u3000", "会议室" };
        var functions = new[] { ServiceFunction.InformationService, ServiceFunction.Training, ServiceFunction.Financing };
        var forms = new[] { ServiceForm.OneToOne, ServiceForm.Event, ServiceForm.Training };
        var feedbacks = new[] { "满意", null, "", " ", "\u3000\t", "基本满意" };
        await data.DbAsync(async db =>
        {
            for (var i = 0; i < 400; i++)
            {
                var form = forms[rnd.Next(forms.Length)];
                db.Add(new LedgerEntry
                {
                    CarrierId = c, Function = functions[rnd.Next(functions.Length)],
                    // Few dates, so that duplicates and same-day repeats occur; both years and a day of the year after.
                    Date = rnd.Next(40) == 0 ? new DateOnly(2024, 1, 1) : new DateOnly(2022 + rnd.Next(2), 1 + rnd.Next(3), 1 + rnd.Next(4)),
                    Place = places[rnd.Next(places.Length)], Form = form,
                    Topic = form == ServiceForm.OneToOne ? EventTopic.None : (EventTopic)rnd.Next(5),
                    ResidentIds = [.. Enumerable.Range(0, rnd.Next(0, 3)).Select(_ => pool[rnd.Next(pool.Length)])],
                    OtherNames = [.. Enumerable.Range(0, rnd.Next(0, 2)).Select(_ => others[rnd.Next(others.Length)])],
                    PersonCount = rnd.Next(12) == 0 ? 5001 : rnd.Next(0, 4), Fee = (FeeClass)(1 + rnd.Next(3)),
                    Feedback = feedbacks[rnd.Next(feedbacks.Length)],
                });
            }
            await db.SaveChangesAsync();
            return 0;
        });

        foreach (var year in new[] { 2022, 2023 })
        {
            var (records, registers, sqlFigures, sqlAnomalies) = await WithAsync(async s =>
            {
                var carrier = await s.GetRequiredService<Exemplar.Web.Infrastructure.Data.ExemplarDbContext>().Set<Carrier>().AsNoTracking().SingleAsync(x => x.Id == c);
                var q = s.GetRequiredService<LedgerMetricsQuery>();
                return (await q.RecordsAsync(carrier, year, default), await q.RegistersAsync(carrier, year, default), await q.YearFiguresAsync(c, year, null, default),
                    await s.GetRequiredService<LedgerAnomaliesQuery>().FindAsync(c, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), (await q.RecordsAsync(carrier, year, default)).Residents, default));
            });
            Assert.Empty(registers.Entries);

            var domain = LedgerYearFigures.Of(records.Entries, records.Residents, year);
            Assert.Equal(domain.Volumes, sqlFigures.Volumes);
            Assert.Equal((domain.Share, domain.FreeOrLowFeeVisitsToSmallMicro, domain.EnterprisesServed, domain.EnterprisesServedPreviousYear),
                (sqlFigures.Share, sqlFigures.FreeOrLowFeeVisitsToSmallMicro, sqlFigures.EnterprisesServed, sqlFigures.EnterprisesServedPreviousYear));
            Assert.True(domain.EnterprisesServed > 0 && domain.FreeOrLowFeeVisitsToSmallMicro > 0);

            static IReadOnlyList<(string, string)> Shown(IReadOnlyDictionary<string, Fact> f) =>
                [.. f.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => (x.Key, $"{Exemplar.Web.Features.Ledger.MetricsModel.Show(x.Value)} {x.Value.Source}"))];
            Assert.Equal(Shown(LedgerProfile.Facts(records, year)), Shown(LedgerProfile.Facts(registers, sqlFigures, year)));

            // The same anomalies in the same order as the C# rules give over the year's entries (loaded by date, then id).
            var expected = LedgerAnomalies.Find([.. records.Entries.Where(e => e.Date.Year == year)], records.Residents);
            static IReadOnlyList<string> Text(IEnumerable<Anomaly> a) => [.. a.Select(x => $"{x.Kind} {x.Date} {x.Message} {string.Join(",", x.EntryIds)}")];
            Assert.Equal(Text(expected.OrderBy(a => a.Kind)), Text(sqlAnomalies.OrderBy(a => a.Kind)));
            Assert.Equal(Text(LedgerAnomalies.BySeverityThenDate(expected)), Text(LedgerAnomalies.BySeverityThenDate(sqlAnomalies)));
            foreach (var kind in Enum.GetValues<AnomalyKind>().Where(k => k != AnomalyKind.DisputedByEnterprise))
                Assert.Contains(expected, a => a.Kind == kind);
        }
    }
}
