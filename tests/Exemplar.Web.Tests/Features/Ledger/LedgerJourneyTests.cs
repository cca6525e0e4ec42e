using System.Net;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Ledger;

/// <summary>An operator builds a small carrier by hand; every metric is checked against hand-computed values.</summary>
public sealed class LedgerJourneyTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private async Task<T> DbAsync<T>(Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    private static Dictionary<string, string> Fields(params (string, string)[] kv) => kv.ToDictionary(x => x.Item1, x => x.Item2);

    private async Task<(HttpClient Client, string Url)> NewCarrierAsync(string name)
    {
        var client = await app.SignedInAsync("km.applicant");
        var r = await client.PostFormAsync("/Base/Create", Fields(("Form.Name", name), ("Form.Kind", "Base"), ("Form.JurisdictionCode", "530102"),
            ("Form.LeadingIndustries", "软件及信息技术服务、电子商务"), ("Form.PrimaryType", "ProducerServices"), ("Form.Area", "5000"),
            ("Form.PublicServiceArea", "800"), ("Form.EstablishedOn", "2019-05-01")));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return (client, r.Headers.Location!.OriginalString);
    }

    private static async Task AddEnterpriseAsync(HttpClient client, string url, string name, string uscc, string entry, string size, int employees2025)
    {
        var r = await client.PostFormAsync($"{url}/Enterprises/Edit", Fields(("Name", name), ("Uscc", uscc), ("EntryDate", entry), ("Industry", "软件"),
            ("InLeadingIndustry", "true"), ("SizeClass", size), ("Years[0].Year", "2025"), ("Years[0].Employees", employees2025.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
    }

    [Fact]
    public async Task Records_metrics_and_drill_down_agree_with_hand_computed_values()
    {
        var (client, url) = await NewCarrierAsync("测试计数园");
        await AddEnterpriseAsync(client, url, "甲科技有限公司", "91530102MA6K000111", "2024-01-01", "Micro", 12);
        await AddEnterpriseAsync(client, url, "乙信息有限公司", "91530103MA6K00022K", "2025-02-01", "Small", 20);
        var ids = await DbAsync(db => db.Set<ResidentEnterprise>().Where(e => e.Name == "甲科技有限公司" || e.Name == "乙信息有限公司")
            .OrderBy(e => e.Name).Select(e => e.Id).ToListAsync());
        var (jia, yi) = (ids[1], ids[0]); // 乙 < 甲 in ordinal order of their names

        async Task Entry(string function, string date, string form, int persons, string fee, string others, params Guid[] residents)
        {
            var f = Fields(("Function", function), ("Date", date), ("Place", "路演厅"), ("Form", form), ("Topic", "None"), ("PersonCount", persons.ToString()),
                ("Fee", fee), ("OtherNames", others), ("Feedback", "满意"));
            var content = f.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)).Concat(residents.Select(r => new KeyValuePair<string, string>("ResidentIds", r.ToString())));
            var page = await client.GetDocumentAsync($"{url}/Ledger/Edit");
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var r = await client.PostAsync($"{url}/Ledger/Edit", new FormUrlEncodedContent(content.Append(new("__RequestVerificationToken", token))));
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        await Entry("InformationService", "2025-03-01", "Event", 30, "Free", "外区企业", jia, yi);  // 3 家次, 1 次, 30 人次
        await Entry("InformationService", "2025-03-02", "OneToOne", 2, "Market", "", jia);         // 1 家次
        await Entry("Training", "2025-07-01", "Training", 40, "LowFee", "", jia, yi);              // 2 家次, 1 次, 40 人次
        await Entry("InformationService", "2024-12-31", "OneToOne", 1, "Free", "", jia);           // other year

        var metrics = await client.GetDocumentAsync($"{url}/Metrics/2025");
        string Cell(string function, string measure) => metrics.QuerySelector($"tr[data-function={function}] a[data-measure={measure}]")!.TextContent.Trim();
        Assert.Equal("4", Cell("InformationService", "EnterpriseVisits"));
        Assert.Equal("3", Cell("InformationService", "EnterprisesServed"));
        Assert.Equal("1", Cell("InformationService", "Events"));
        Assert.Equal("32", Cell("InformationService", "PersonTimes"));
        Assert.Equal("2", Cell("Training", "EnterpriseVisits"));
        Assert.Equal("40", Cell("Training", "PersonTimes"));
        Assert.StartsWith("83.33%", metrics.QuerySelector("#fee-share")!.TextContent.Trim()); // (3 + 2) / 6 家次
        Assert.Contains("2 家，其中小微企业 2 家", metrics.QuerySelector("#residents")!.TextContent);
        Assert.Contains("从业人员 32 人", metrics.QuerySelector("#residents")!.TextContent);
        Assert.Contains("1 → 2：100%", metrics.QuerySelector("#growth-smallmicro")!.TextContent); // 甲 resident at 2024 year end, both at 2025

        var drill = await client.GetDocumentAsync(metrics.QuerySelector("tr[data-function=InformationService] a[data-measure=EnterpriseVisits]")!.GetAttribute("href")!);
        Assert.Equal("4", drill.QuerySelector("#total")!.TextContent.Trim());
        Assert.Equal("2", drill.QuerySelector("#entry-count")!.TextContent.Trim());
        Assert.Equal(3, drill.QuerySelectorAll("#enterprises tbody tr").Length);

        // Two entries for 甲 on 2025-03-01/02 are different days: no same-day flag; the one-to-one entry lacks nothing.
        Assert.Null(metrics.QuerySelector("#anomalies li[data-kind=SameEnterpriseSameDay]"));

        var audit = await DbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Operation == "台账.新增"));
        Assert.True(audit >= 4);
    }

    [Fact]
    public async Task Anomalies_are_listed_on_the_metrics_page()
    {
        var (client, url) = await NewCarrierAsync("测试异常园");
        await AddEnterpriseAsync(client, url, "丙有限公司", "91530102MA6K000111", "2025-05-01", "Micro", 5);
        var id = await DbAsync(db => db.Set<ResidentEnterprise>().Where(e => e.Name == "丙有限公司").Select(e => e.Id).SingleAsync());
        var carrierId = Guid.Parse(url.Split('/')[^1]);
        await DbAsync(async db =>
        {
            LedgerEntry E(string date, int persons, string? feedback) => new()
            {
                CarrierId = carrierId, Function = Domain.Ledger.ServiceFunction.ManagementConsulting, Date = DateOnly.Parse(date), Place = "厅",
                Form = Domain.Ledger.ServiceForm.OneToOne, ResidentIds = [id], PersonCount = persons, Fee = Domain.Ledger.FeeClass.Free, Feedback = feedback,
            };
            db.AddRange(E("2025-06-01", 1, "好"), E("2025-06-01", 1, "好"), E("2025-04-01", 1, "好"), E("2025-07-01", 0, "好"), E("2025-08-01", 6000, null));
            return await db.SaveChangesAsync();
        });
        var page = await client.GetDocumentAsync($"{url}/Metrics/2025");
        foreach (var kind in new[] { "DuplicateEntry", "SameEnterpriseSameDay", "OutsideResidency", "ImplausibleHeadCount", "MissingFeedback" })
            Assert.NotNull(page.QuerySelector($"#anomalies li[data-kind={kind}]"));
        Assert.Equal(2, page.QuerySelectorAll("#anomalies li[data-kind=ImplausibleHeadCount]").Length); // 0 < 1 enterprise; 6000 > 5000
    }

    [Fact]
    public async Task Invalid_input_is_refused_in_chinese_and_nothing_is_saved()
    {
        var (client, url) = await NewCarrierAsync("测试校验园");
        var r = await client.PostFormAsync($"{url}/Enterprises/Edit", Fields(("Name", "丁公司"), ("Uscc", "91530102MA6K000112"), ("EntryDate", "2025-01-01"),
            ("Industry", "软件"), ("SizeClass", "Micro")));
        var page = await r.ToDocumentAsync();
        Assert.Contains(page.Errors(), e => e.Contains("校验位错误"));
        var pdfRenamed = new MultipartFormDataContent();
        var form = await client.GetDocumentAsync($"{url}/Ledger/Edit");
        pdfRenamed.Add(new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        foreach (var (k, v) in Fields(("Function", "Training"), ("Date", "2025-05-05"), ("Place", "厅"), ("Form", "Training"), ("Topic", "None"), ("PersonCount", "10"), ("Fee", "Free"), ("OtherNames", "外企")))
            pdfRenamed.Add(new StringContent(v), k);
        pdfRenamed.Add(new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00, 0x03]), "Files", "签到表.pdf");
        var page2 = await (await client.PostAsync($"{url}/Ledger/Edit", pdfRenamed)).ToDocumentAsync();
        Assert.Contains(page2.Errors(), e => e.Contains("不是 PDF、JPEG、PNG 文件"));
        var carrierId = Guid.Parse(url.Split('/')[^1]);
        Assert.Equal(0, await DbAsync(db => db.Set<LedgerEntry>().CountAsync(e => e.CarrierId == carrierId)));
        Assert.Equal(0, await DbAsync(db => db.Set<ResidentEnterprise>().CountAsync(e => e.CarrierId == carrierId)));
    }

    [Fact]
    public async Task Two_people_editing_at_once_the_second_is_told()
    {
        var (client, url) = await NewCarrierAsync("测试并发园");
        var other = await app.SignedInAsync("km.applicant");
        await other.PostFormAsync($"{url}/Staff", Fields(("Name", "王老师"), ("Position", "专员"), ("FullTime", "true"), ("Education", "Bachelor"), ("Title", "None"), ("YearsAtBase", "1")));
        var staffId = await DbAsync(db => db.Set<ServiceStaff>().Where(s => s.Name == "王老师").Select(s => s.Id).SingleAsync());
        var first = await client.GetDocumentAsync($"{url}/Staff?edit={staffId}");
        var second = await other.GetDocumentAsync($"{url}/Staff?edit={staffId}");
        async Task<HttpResponseMessage> Save(HttpClient c, AngleSharp.Dom.IDocument doc, string position) =>
            await c.PostAsync($"{url}/Staff?edit={staffId}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = doc.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["Version"] = doc.QuerySelector("input[name=Version]")!.GetAttribute("value")!,
                ["Name"] = "王老师", ["Position"] = position, ["FullTime"] = "true", ["Education"] = "Bachelor", ["Title"] = "None", ["YearsAtBase"] = "1",
            }));
        Assert.Equal(HttpStatusCode.Redirect, (await Save(client, first, "主管")).StatusCode);
        var lost = await (await Save(other, second, "总监")).ToDocumentAsync();
        Assert.Contains(lost.Errors(), e => e.Contains("已被他人修改"));
        Assert.Equal("主管", await DbAsync(db => db.Set<ServiceStaff>().Where(s => s.Id == staffId).Select(s => s.Position).SingleAsync()));
    }

    [Fact]
    public async Task Wuhua_officer_sees_wuhua_read_only_and_never_panlong()
    {
        var wuhua = await app.SignedInAsync("km.wuhua");
        var list = await wuhua.GetDocumentAsync("/Base");
        var names = list.QuerySelectorAll("tbody td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("昆明五华创新创业园", names);
        Assert.DoesNotContain("盘龙众创空间", names);
        var ids = await DbAsync(db => db.Set<Carrier>().ToDictionaryAsync(c => c.Name, c => c.Id));
        var own = await wuhua.GetAsync($"/Base/{ids["昆明五华创新创业园"]}/Ledger");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Empty((await own.ToDocumentAsync()).QuerySelectorAll("a[href$='/Ledger/Edit']"));
        var panlong = await wuhua.GetAsync($"/Base/{ids["盘龙众创空间"]}/Metrics/2025");
        Assert.Contains("/Error/403", panlong.Headers.Location?.OriginalString ?? "");
        var panlongOfficer = await app.SignedInAsync("km.panlong");
        Assert.Contains("/Error/403", (await panlongOfficer.GetAsync($"/Base/{ids["昆明五华创新创业园"]}")).Headers.Location?.OriginalString ?? "");
    }
}
