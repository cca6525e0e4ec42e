using System.Net;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Features.Applications;
using Exemplar.Web.Tests.Features.Documents;
using Exemplar.Web.Tests.Features.Surveys;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Statistics;

/// <summary>
/// The authority's dashboard, scoped by jurisdiction: 五华区 (km.wuhua), 盘龙区 (km.panlong), 昆明市 (km.city, both), 拉萨
/// (xz.lasa, neither). The ledger figures are for 2023, a year the demo data leaves empty, so every expected value is
/// counted by hand from the entries below; designations and overdue obligations are compared before and after adding ours
/// (the demo data holds designations of its own).
/// </summary>
public sealed class StatisticsDashboardTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly SurveyTestData data = new(app);
    private const string Kunming = "kunming-base-2022";

    private Task<Guid> EntryAsync(Guid carrier, ServiceFunction f, string date, ServiceForm form, int persons, FeeClass fee, Guid[] residents, params string[] others) =>
        data.DbAsync(async db =>
        {
            var e = new LedgerEntry
            {
                CarrierId = carrier, Function = f, Date = DateOnly.Parse(date), Place = "服务大厅", Form = form, ResidentIds = [.. residents], OtherNames = [.. others],
                PersonCount = persons, Fee = fee, Feedback = "满意",
            };
            db.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });

    private Task<Guid> DesignateAsync(Guid carrier, DateOnly announced, DateOnly? validUntil, DateOnly? revoked = null, DateOnly? changeCompleted = null) =>
        data.DbAsync(async db =>
        {
            var policy = app.Services.GetRequiredService<ProgrammePolicies>().VersionsOf(Kunming).OrderByDescending(p => p.EffectiveFrom ?? DateOnly.MinValue).First();
            var d = new Designation
            {
                CarrierId = carrier, ProgrammeId = Kunming, PolicyVersion = policy.Version, AnnouncementNumber = "测试〔2023〕1号", AnnouncedOn = announced,
                ValidFrom = announced, ValidUntil = validUntil, RevokedOn = revoked, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Add(d);
            if (changeCompleted is { } c) db.Add(new DesignationChange { DesignationId = d.Id, CompletedOn = c, Description = "运营场地变更", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return d.Id;
        });

    private static Dictionary<string, int[]> Table(IDocument page, string id, string key, params string[] measures) =>
        page.QuerySelectorAll($"#{id} tbody tr").ToDictionary(tr => tr.GetAttribute(key)!,
            tr => measures.Select(m => int.Parse(tr.QuerySelector($"[data-measure='{m}']")!.TextContent.Trim())).ToArray());

    private static Dictionary<string, int[]> Bases(IDocument page) =>
        page.QuerySelectorAll("#bases tbody tr").ToDictionary(tr => tr.GetAttribute("data-region") + "/" + tr.GetAttribute("data-programme"),
            tr => new[] { "Valid", "NewInYear" }.Select(m => int.Parse(tr.QuerySelector($"[data-measure='{m}']")!.TextContent.Trim())).ToArray());

    private static int[] Of(Dictionary<string, int[]> t, string key) => t.GetValueOrDefault(key, [0, 0]);

    private static List<(string Kind, string Due, int Days)> Overdue(IDocument page) =>
        [.. page.QuerySelectorAll("#overdue-items tbody tr").Select(tr => (tr.GetAttribute("data-kind")!, tr.Children[2].TextContent.Trim(), int.Parse(tr.Children[3].TextContent.Trim())))];

    private static readonly string[] VolumeMeasures = ["Bases", "EnterpriseVisits", "Enterprises", "Events", "PersonTimes", "FreeOrLowFeeVisits"];

    [Fact]
    public async Task Each_officer_sees_the_figures_of_its_own_area_and_the_export_holds_them()
    {
        var officers = new[] { "km.wuhua", "km.panlong", "km.city", "xz.lasa" };
        var clients = new Dictionary<string, HttpClient>();
        var before = new Dictionary<string, IDocument>();
        foreach (var o in officers)
        {
            clients[o] = await app.SignedInAsync(o);
            before[o] = await clients[o].GetDocumentAsync("/Statistics?year=2023");
        }

        // 五华区: one base, designated 2023-06-30 and valid; a change completed on 2026-10-30 (Friday) must be filed within
        // 10 working days (昆明办法第十九条): 11-02…11-06 and 11-09…11-13 → due 2026-11-13, 8 days overdue on 2026-11-21.
        var wuhua = await data.CarrierAsync("统计五华园", "530102");
        var w1 = await data.EnterpriseAsync(wuhua, "五华甲公司", 31);
        var w2 = await data.EnterpriseAsync(wuhua, "五华乙公司", 32);
        await DesignateAsync(wuhua, new DateOnly(2023, 6, 30), new DateOnly(2026, 12, 31), changeCompleted: new DateOnly(2026, 10, 30));
        // 盘龙区: one base designated in 2023 and revoked in 2025: new in 2023, not valid today.
        var panlong = await data.CarrierAsync("统计盘龙园", "530103", "km-base2");
        var p1 = await data.EnterpriseAsync(panlong, "盘龙甲公司", 33);
        await DesignateAsync(panlong, new DateOnly(2023, 5, 1), new DateOnly(2026, 4, 30), revoked: new DateOnly(2025, 1, 1));

        // 2023 ledger. 五华: 信息服务 an event (甲, 乙 and 外部甲公司 by name; 20 persons; free) and a one-to-one (甲; 1 person;
        // market price); 培训 a training (乙; 15 persons; low fee). 盘龙: 信息服务 an event (甲 and 外部甲公司; 10 persons; free).
        await EntryAsync(wuhua, ServiceFunction.InformationService, "2023-03-01", ServiceForm.Event, 20, FeeClass.Free, [w1, w2], "外部甲公司");
        await EntryAsync(wuhua, ServiceFunction.InformationService, "2023-04-01", ServiceForm.OneToOne, 1, FeeClass.Market, [w1]);
        await EntryAsync(wuhua, ServiceFunction.Training, "2023-06-01", ServiceForm.Training, 15, FeeClass.LowFee, [w2]);
        await EntryAsync(panlong, ServiceFunction.InformationService, "2023-05-01", ServiceForm.Event, 10, FeeClass.Free, [p1], "外部甲公司");
        await EntryAsync(panlong, ServiceFunction.InformationService, "2024-01-02", ServiceForm.Event, 99, FeeClass.Free, [p1]); // another year

        // Applications of the 2026 Kunming call: one submitted in each district.
        var applications = new ApplicationTestData(app.Services);
        var call = await applications.CallIdAsync();
        await applications.SubmittedAsync("昆明五华创新创业园", call);
        await applications.SubmittedAsync("盘龙众创空间", call);

        var after = new Dictionary<string, IDocument>();
        foreach (var o in officers) after[o] = await clients[o].GetDocumentAsync("/Statistics?year=2023");

        // Service volumes per function (家次, 家 per base summed, 次, 人次, free/low-fee 家次), by hand:
        // 五华 信息服务: 1 base, 3 + 1 = 4 家次, {甲, 乙, 外部甲公司} = 3 家, 1 event, 21 persons, 3 free; 培训: 1, 1, 1, 1, 15, 1.
        // 盘龙 信息服务: 1, 2, 2, 1, 10, 2. 昆明市 = both: 信息服务 2, 6, 5, 2, 31, 5; 培训 as 五华. 拉萨: nothing.
        var info = ServiceFunction.InformationService.ToString();
        var training = ServiceFunction.Training.ToString();
        var wuhuaVolumes = Table(after["km.wuhua"], "services", "data-function", VolumeMeasures);
        Assert.Equal([1, 4, 3, 1, 21, 3], wuhuaVolumes[info]);
        Assert.Equal([1, 1, 1, 1, 15, 1], wuhuaVolumes[training]);
        Assert.Equal(2, wuhuaVolumes.Count);
        var panlongVolumes = Table(after["km.panlong"], "services", "data-function", VolumeMeasures);
        Assert.Equal([1, 2, 2, 1, 10, 2], panlongVolumes[info]);
        Assert.Single(panlongVolumes);
        var cityVolumes = Table(after["km.city"], "services", "data-function", VolumeMeasures);
        Assert.Equal([2, 6, 5, 2, 31, 5], cityVolumes[info]);
        Assert.Equal([1, 1, 1, 1, 15, 1], cityVolumes[training]);
        Assert.NotNull(after["xz.lasa"].QuerySelector("#services-empty"));
        Assert.Equal("6", after["km.city"].QuerySelector($"#services tr[data-function='{info}'] [data-measure='EnterpriseVisits'] a")!.TextContent.Trim());

        // The list behind the city's 信息服务 total: one row per base, each linking to that base's entries.
        var drill = await clients["km.city"].GetDocumentAsync($"/Statistics/Services?year=2023&function={info}");
        var perBase = drill.QuerySelectorAll("#base-volumes tbody tr").ToDictionary(tr => Guid.Parse(tr.GetAttribute("data-carrier")!),
            tr => tr.QuerySelector("[data-measure='EnterpriseVisits'] a")!.GetAttribute("href"));
        Assert.Equal(new[] { wuhua, panlong }.Order(), perBase.Keys.Order());
        Assert.Equal($"/Base/{wuhua}/Metrics/2023/Entries?Function=InformationService&Measure=EnterpriseVisits", perBase[wuhua]);
        var wuhuaDrill = await clients["km.wuhua"].GetDocumentAsync($"/Statistics/Services?year=2023&function={info}");
        Assert.Equal([wuhua.ToString()], wuhuaDrill.QuerySelectorAll("#base-volumes tbody tr").Select(tr => tr.GetAttribute("data-carrier")));

        // Designated bases: 五华 +1 valid and +1 new in 2023; 盘龙 +0 valid, +1 new; the city sees both under its districts.
        int[] Delta(string officer, string key) => [.. Of(Bases(after[officer]), key).Zip(Of(Bases(before[officer]), key), (x, y) => x - y)];
        Assert.Equal([1, 1], Delta("km.wuhua", $"530102/{Kunming}"));
        Assert.Equal([0, 1], Delta("km.panlong", $"530103/{Kunming}"));
        Assert.Equal([1, 1], Delta("km.city", $"530102/{Kunming}"));
        Assert.Equal([0, 1], Delta("km.city", $"530103/{Kunming}"));
        Assert.DoesNotContain(Bases(after["km.wuhua"]).Keys, k => k.StartsWith("530103", StringComparison.Ordinal));
        Assert.Equal(Bases(before["xz.lasa"]), Bases(after["xz.lasa"]));
        Assert.Equal($"/Registry?region=530102&programme={Kunming}&status=valid",
            after["km.wuhua"].QuerySelector($"#bases tr[data-region='530102'][data-programme='{Kunming}'] [data-measure='Valid'] a")!.GetAttribute("href"));

        // Overdue obligations: our change filing for 五华 and the city, not for 盘龙 or 拉萨.
        var filing = ("ChangeFiling", "2026年11月13日", 8);
        Assert.Equal(1, Overdue(after["km.wuhua"]).Count(x => x == filing) - Overdue(before["km.wuhua"]).Count(x => x == filing));
        Assert.Equal(1, Overdue(after["km.city"]).Count(x => x == filing) - Overdue(before["km.city"]).Count(x => x == filing));
        Assert.Equal(Overdue(before["km.panlong"]), Overdue(after["km.panlong"]));
        Assert.Equal(Overdue(before["xz.lasa"]), Overdue(after["xz.lasa"]));

        // Applications per call by stage (2026): each district sees its own, the city both.
        var apps = new Dictionary<string, IDocument>();
        foreach (var o in officers) apps[o] = await clients[o].GetDocumentAsync("/Statistics?year=2026");
        int Submitted(string officer) => int.Parse(apps[officer].QuerySelector($"#applications tr[data-call='{call}'] td[data-status='Submitted']")?.TextContent.Trim() ?? "0");
        Assert.Equal((1, 1, 2, 0), (Submitted("km.wuhua"), Submitted("km.panlong"), Submitted("km.city"), Submitted("xz.lasa")));
        Assert.Equal($"/Applications?Call={call}&Status=Submitted", apps["km.wuhua"].QuerySelector($"#applications tr[data-call='{call}'] td[data-status='Submitted'] a")!.GetAttribute("href"));

        // The export: one sheet per table, the same figures.
        var response = await clients["km.city"].GetAsync("/Statistics/Export?year=2023");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        OpenXmlChecks.AssertValidXlsx(bytes);
        var sheets = Sheets(bytes);
        Assert.Equal(["示范基地", "申报情况", "服务量", "逾期事项"], sheets.Keys);
        Assert.Contains(sheets["服务量"], r => r.SequenceEqual(["信息服务", "2", "6", "5", "2", "31", "5"]));
        Assert.Contains(sheets["服务量"], r => r.SequenceEqual(["人员培训", "1", "1", "1", "1", "15", "1"]));
        var cityBases = Bases(after["km.city"]);
        Assert.Contains(sheets["示范基地"], r => r[0] == "五华区" && r[2] == cityBases[$"530102/{Kunming}"][0].ToString() && r[3] == cityBases[$"530102/{Kunming}"][1].ToString());
        Assert.Contains(sheets["逾期事项"], r => r[0] == "重大变更事项备案" && r[4] == "2026年11月13日" && r[5] == "8");
        var lasa = Sheets(await (await clients["xz.lasa"].GetAsync("/Statistics/Export?year=2023")).Content.ReadAsByteArrayAsync());
        Assert.Single(lasa["服务量"]); // the header only
    }

    [Fact]
    public async Task Bases_and_experts_never_see_the_dashboard_and_a_year_out_of_range_is_not_found()
    {
        foreach (var user in new[] { "km.applicant", "km.expert" })
        {
            var client = await app.SignedInAsync(user);
            foreach (var url in new[] { "/Statistics", "/Statistics/Export?year=2025", "/Statistics/Services?year=2025&function=Training" })
            {
                var r = await client.GetAsync(url);
                Assert.True(r.StatusCode is HttpStatusCode.Forbidden || r.Headers.Location?.OriginalString.Contains("/Error/403", StringComparison.Ordinal) == true, $"{user} {url}: {r.StatusCode}");
            }
        }
        var officer = await app.SignedInAsync("km.city");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/Statistics?year=2027")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/Statistics/Services?year=2025")).StatusCode);
        var page = await officer.GetDocumentAsync("/Statistics");
        Assert.Equal("2026", page.QuerySelector("#year")!.GetAttribute("value"));
        Assert.Equal("/Statistics", page.QuerySelector("nav a[aria-current='page']")!.GetAttribute("href"));
    }

    /// <summary>Sheet name → rows of cell texts (inline strings and numbers as written).</summary>
    private static Dictionary<string, List<List<string>>> Sheets(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        var result = new Dictionary<string, List<List<string>>>();
        foreach (var sheet in wb.Workbook!.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)wb.GetPartById(sheet.Id!.Value!);
            result[sheet.Name!.Value!] = [.. part.Worksheet!.Descendants<Row>().Select(r => r.Elements<Cell>()
                .Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList())];
        }
        return result;
    }
}
