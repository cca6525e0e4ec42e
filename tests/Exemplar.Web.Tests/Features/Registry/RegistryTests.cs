using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Registry;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Registry;

/// <summary>
/// The registry on 2026-11-21 (Beijing) over six designations counted by hand: the four demo bases (五华科技创业示范园
/// 530102 昆明 2023, valid; 东昌府区创业创新示范园 371502 聊城 2022, valid; 城关区创业创新示范园 540102 西藏 2024, valid;
/// 海淀中关村创业示范基地 110108 北京 2024, valid without end) and two added here: 盘龙众创空间 (530103, 电子商务) 昆明
/// 2020-05-10 → 2023-05-10, expired; 五华创新创业园高新分园 (530100Z02, 检验检测认证) 昆明 2024-02-29 → 2027-02-28,
/// revoked 2025-06-01.
/// </summary>
public sealed class RegistryTests(RegistryTests.Factory app) : IClassFixture<RegistryTests.Factory>
{
    public sealed class Factory : ExemplarFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            using var _ = CreateClient();
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
            var panlong = await db.Set<Carrier>().Where(c => c.Name == "盘龙众创空间").Select(c => c.Id).SingleAsync();
            var gaoxin = await db.Set<Carrier>().Where(c => c.Name == "五华创新创业园高新分园").Select(c => c.Id).SingleAsync();
            db.Actor.Operation = "测试.认定";
            db.Add(new Designation { CarrierId = panlong, ProgrammeId = "kunming-base-2022", PolicyVersion = "2022", AnnouncementNumber = "昆工信〔2020〕3号",
                AnnouncedOn = new(2020, 5, 10), ValidFrom = new(2020, 5, 10), ValidUntil = new(2023, 5, 10) });
            db.Add(new Designation { CarrierId = gaoxin, ProgrammeId = "kunming-base-2022", PolicyVersion = "2022", AnnouncementNumber = "昆工信〔2024〕7号",
                AnnouncedOn = new(2024, 2, 29), ValidFrom = new(2024, 2, 29), ValidUntil = new(2027, 2, 28), RevokedOn = new(2025, 6, 1), RevocationCitation = "第二十条" });
            await db.SaveChangesAsync();
            // The change listener starts with the host and evicts the cache when it hears this change (or on its first
            // read); wait until it has, so no late eviction empties the cache under a test.
            var revision = await db.Set<RegistryRevision>().Where(r => r.Id == 1).Select(r => r.Revision).SingleAsync();
            var state = Services.GetRequiredService<RegistryState>();
            for (var i = 0; i < 200 && state.Revision != revision; i++) await Task.Delay(50);
            Assert.Equal(revision, state.Revision);
        }
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<JsonElement> ApiAsync(string query)
    {
        var response = await app.Client().GetAsync("/api/v1/registry" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static Dictionary<string, int> Facet(JsonElement root, string name) =>
        root.GetProperty("facets").GetProperty(name).EnumerateArray().ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32());

    private static List<string> Names(JsonElement root) => [.. root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("baseName").GetString()!)];

    [Fact]
    public async Task Facets_count_the_hand_counted_registry()
    {
        var all = await ApiAsync("");
        Assert.Equal(6, all.GetProperty("total").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["valid"] = 4, ["expired"] = 1, ["revoked"] = 1, ["rereview"] = 0 }, Facet(all, "status"));
        Assert.Equal(new Dictionary<string, int> { ["kunming-base-2022"] = 3, ["liaocheng-base-2021"] = 1, ["xizang-base-2017"] = 1, ["beijing-base"] = 1 }, Facet(all, "programme"));
        Assert.Equal(new Dictionary<string, int> { ["2024"] = 3, ["2023"] = 1, ["2022"] = 1, ["2020"] = 1 }, Facet(all, "year"));
        Assert.Equal(new Dictionary<string, int> { ["530000"] = 3, ["370000"] = 1, ["540000"] = 1, ["110000"] = 1 }, Facet(all, "region"));
        // Newest first: 2024-06-01 北京, 2024-03-01 西藏, 2024-02-29 高新分园, 2023-12-15, 2022-01-20, 2020-05-10.
        Assert.Equal(["海淀中关村创业示范基地", "城关区创业创新示范园", "五华创新创业园高新分园", "五华科技创业示范园", "东昌府区创业创新示范园", "盘龙众创空间"], Names(all));
    }

    [Fact]
    public async Task An_anonymous_registry_page_sets_no_cookie_and_is_served_from_the_output_cache()
    {
        // A response with Set-Cookie is never stored; the layout's flash read used to add a deleting TempData cookie.
        var client = app.Client();
        // An eviction the listener was still finishing when the first answer was stored would empty the cache once; a
        // response that cannot be stored (a Set-Cookie) fails every attempt.
        for (var attempt = 1; ; attempt++)
        {
            var first = await client.GetAsync("/Registry?name=%E4%BA%94%E5%8D%8E&sort=name");
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.False(first.Headers.Contains("Set-Cookie"), string.Join("; ", first.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
            var second = await client.GetAsync("/Registry?name=%E4%BA%94%E5%8D%8E&sort=name");
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            if (second.Headers.Age is null && attempt < 3) continue;
            Assert.NotNull(second.Headers.Age);
            Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
            return;
        }
    }

    [Fact]
    public async Task The_region_tree_narrows_and_each_facet_ignores_only_its_own_filter()
    {
        var kunming = await ApiAsync("?region=530100");
        Assert.Equal(3, kunming.GetProperty("total").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["530102"] = 1, ["530103"] = 1, ["530100Z02"] = 1 }, Facet(kunming, "region"));
        Assert.Equal(new Dictionary<string, int> { ["软件及信息技术服务"] = 1, ["研发设计"] = 1, ["电子商务"] = 1, ["检验检测认证"] = 1 }, Facet(kunming, "industry"));

        var valid = await ApiAsync("?region=530100&status=valid");
        Assert.Equal(["五华科技创业示范园"], Names(valid));
        // The status facet is counted without the status filter, the others with it.
        Assert.Equal(new Dictionary<string, int> { ["valid"] = 1, ["expired"] = 1, ["revoked"] = 1, ["rereview"] = 0 }, Facet(valid, "status"));
        Assert.Equal(new Dictionary<string, int> { ["2023"] = 1 }, Facet(valid, "year"));

        var shop = await ApiAsync("?region=530100&industry=" + Uri.EscapeDataString("电子商务"));
        Assert.Equal(["盘龙众创空间"], Names(shop));
        Assert.Equal("expired", shop.GetProperty("items")[0].GetProperty("status").GetString());

        Assert.Equal(["东昌府区创业创新示范园", "五华科技创业示范园", "城关区创业创新示范园"],
            Names(await ApiAsync("?name=" + Uri.EscapeDataString("示范园") + "&sort=name")).Order(StringComparer.Ordinal));
        Assert.Equal(["五华创新创业园高新分园"], Names(await ApiAsync("?year=2024&programme=kunming-base-2022")));
        // Expiring first; no end date last.
        Assert.Equal(["五华科技创业示范园", "东昌府区创业创新示范园", "城关区创业创新示范园", "海淀中关村创业示范基地"], Names(await ApiAsync("?sort=valid_until&status=valid")));
        var page2 = await ApiAsync("?page=2");
        Assert.Equal(6, page2.GetProperty("total").GetInt32());
        Assert.Empty(Names(page2));
        Assert.Equal(0, (await ApiAsync("?name=%25")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_queries_are_refused_in_chinese()
    {
        var api = await app.Client().GetAsync("/api/v1/registry?year=abc");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("认定年份应为2000至2100之间的年份", await api.Content.ReadAsStringAsync());
        var page = await app.Client().GetAsync("/Registry?status=gone");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("状态只能是", (await page.ToDocumentAsync()).Body!.TextContent);
    }

    [Fact]
    public async Task The_page_shows_the_same_results_and_facets()
    {
        var page = await app.Client().GetDocumentAsync("/Registry?region=530100&industry=" + Uri.EscapeDataString("电子商务"));
        Assert.Equal("1", page.QuerySelector("#registry-total")!.TextContent);
        var row = page.QuerySelector("#registry tbody tr")!.TextContent;
        Assert.Contains("盘龙众创空间", row);
        Assert.Contains("云南省 / 昆明市 / 盘龙区", row);
        Assert.Contains("已期满", row);
        Assert.Contains("2023年5月10日", row);
        var detail = await app.Client().GetDocumentAsync(page.QuerySelector("#registry tbody tr a")!.GetAttribute("href")!);
        var history = detail.QuerySelector("table.history")!.TextContent;
        Assert.Contains("认定为昆明市小型微型企业创业创新示范基地（昆工信〔2020〕3号）", history);
        Assert.Contains("有效期满（最后一个有效日为2023年5月10日）", history);
        var bj = await app.Client().GetDocumentAsync("/Registry?programme=beijing-base");
        Assert.Contains("不设固定有效期", bj.QuerySelector("#registry tbody")!.TextContent);
    }

    [Fact]
    public async Task Open_data_reads_back_equal_to_the_registry_and_revalidates_cheaply()
    {
        var client = app.Client();
        var api = await ApiAsync("");
        var csvResponse = await client.GetAsync("/Registry/Data/registry.csv");
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal("designation_id", header[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(6, rows.Count);
        var json = JsonDocument.Parse(await client.GetStringAsync("/Registry/Data/registry.json")).RootElement;
        Assert.Equal("exemplar-registry/1", json.GetProperty("schema").GetString());
        var records = json.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(6, json.GetProperty("count").GetInt32());
        var items = api.GetProperty("items").EnumerateArray().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            string Col(string name) => rows[i][Array.IndexOf(header, name)];
            var item = items[i];
            Assert.Equal(item.GetProperty("designationId").GetString(), Col("designation_id"));
            Assert.Equal(item.GetProperty("designationId").GetString(), records[i].GetProperty("designation_id").GetString());
            Assert.Equal(item.GetProperty("baseName").GetString(), Col("base_name"));
            Assert.Equal(item.GetProperty("baseName").GetString(), records[i].GetProperty("base_name").GetString());
            Assert.Equal(item.GetProperty("status").GetString(), Col("status"));
            Assert.Equal(item.GetProperty("status").GetString(), records[i].GetProperty("status").GetString());
            var until = item.GetProperty("validUntil");
            Assert.Equal(until.ValueKind == JsonValueKind.Null ? "" : until.GetString(), Col("valid_until"));
            Assert.Equal(string.Join("、", item.GetProperty("leadingIndustries").EnumerateArray().Select(x => x.GetString())), Col("leading_industries"));
            Assert.Equal(item.GetProperty("regionCode").GetString(), records[i].GetProperty("region_code").GetString());
        }

        // No person's name and no phone number anywhere in the open data.
        var text = Encoding.UTF8.GetString(bytes) + json.GetRawText();
        foreach (var u in DemoDirectory.Users) Assert.DoesNotContain(u.DisplayName.Split('（')[0], text);
        Assert.DoesNotMatch(new Regex(@"(?<!\d)1[3-9]\d{9}(?!\d)"), text);

        // Unchanged: 304 from the validators.
        var etag = csvResponse.Headers.ETag!;
        Assert.NotNull(csvResponse.Content.Headers.LastModified);
        var again = new HttpRequestMessage(HttpMethod.Get, "/Registry/Data/registry.csv");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        // A change (a revocation) reaches the cached files and pages at once, with a new validator.
        await RevokeAsync(new DateOnly(2026, 11, 21));
        HttpResponseMessage changed = null!;
        for (var i = 0; i < 100; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/Registry/Data/registry.csv");
            request.Headers.IfNoneMatch.Add(etag);
            changed = await client.SendAsync(request);
            if (changed.StatusCode == HttpStatusCode.OK) break;
            await Task.Delay(100);
        }
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains(",revoked,", await changed.Content.ReadAsStringAsync());
        Assert.Equal(new Dictionary<string, int> { ["valid"] = 3, ["expired"] = 1, ["revoked"] = 2, ["rereview"] = 0 }, Facet(await ApiAsync(""), "status"));

        // Put it back for the other tests of the class (the cached search follows within the listener's round trip).
        await RevokeAsync(null);
        for (var i = 0; i < 100 && Facet(await ApiAsync(""), "status")["valid"] != 4; i++) await Task.Delay(100);
        Assert.Equal(4, Facet(await ApiAsync(""), "status")["valid"]);
    }

    [Fact]
    public async Task The_registry_downloads_as_a_spreadsheet_with_Chinese_headers_and_the_same_rows()
    {
        var response = await app.Client().GetAsync("/Registry/Data/registry.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Headers.ETag);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Documents.OpenXmlChecks.AssertValidXlsx(bytes);
        var cells = Documents.OpenXmlChecks.SheetCells(bytes);
        // Title, one line, the header on row 3, then the six designations counted by hand.
        Assert.Equal("示范基地（平台）名录", cells["A1"]);
        Assert.Contains("共6条", cells["A2"]);
        Assert.Equal(["基地（平台）名称", "所在地区", "地区代码", "称号", "认定公告文号", "公告日期", "有效期起", "有效期至", "撤销日期", "状态"],
            Enumerable.Range(0, 10).Select(i => cells[$"{(char)('A' + i)}3"]));
        var names = Enumerable.Range(4, 6).Select(r => cells[$"A{r}"]).ToList();
        Assert.Contains("海淀中关村创业示范基地", names);
        Assert.False(cells.ContainsKey("A10"));
        var panlong = 4 + names.IndexOf("盘龙众创空间");
        Assert.Equal("530103", cells[$"C{panlong}"]);
        Assert.Equal("昆工信〔2020〕3号", cells[$"E{panlong}"]);
        Assert.Equal(new DateTime(2023, 5, 10).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), cells[$"H{panlong}"]);
        Assert.Equal("已期满", cells[$"J{panlong}"]);
        var gaoxin = 4 + names.IndexOf("五华创新创业园高新分园");
        Assert.Equal("已撤销", cells[$"J{gaoxin}"]);
        Assert.Equal(new DateTime(2025, 6, 1).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), cells[$"I{gaoxin}"]);
        Assert.Equal("办法未规定", cells[$"H{4 + names.IndexOf("海淀中关村创业示范基地")}"]);
        Assert.Equal("有效", cells[$"J{4 + names.IndexOf("海淀中关村创业示范基地")}"]);
    }

    [Fact]
    public async Task A_renamed_base_and_a_newer_designation_show_in_the_search_at_once()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        db.Actor.Operation = "测试.更名";
        var panlong = await db.Set<Carrier>().SingleAsync(c => c.Name == "盘龙众创空间");
        panlong.Name = "盘龙青年众创空间";
        var gaoxin = await db.Set<Carrier>().Where(c => c.Name == "五华创新创业园高新分园").Select(c => c.Id).SingleAsync();
        // Designated again after the revocation: the registry shows the newer title, still one row for the base and programme.
        var again = new Designation { CarrierId = gaoxin, ProgrammeId = "kunming-base-2022", PolicyVersion = "2022", AnnouncementNumber = "昆工信〔2026〕5号",
            AnnouncedOn = new(2026, 3, 2), ValidFrom = new(2026, 3, 2), ValidUntil = new(2029, 3, 1) };
        db.Add(again);
        await db.SaveChangesAsync();
        try
        {
            // The API is read through the output cache: wait for the change listener's eviction.
            JsonElement all = default;
            for (var i = 0; i < 100; i++)
            {
                all = await ApiAsync("");
                if (Facet(all, "status")["revoked"] == 0) break;
                await Task.Delay(100);
            }
            Assert.Equal(6, all.GetProperty("total").GetInt32());
            Assert.Equal(new Dictionary<string, int> { ["valid"] = 5, ["expired"] = 1, ["revoked"] = 0, ["rereview"] = 0 }, Facet(all, "status"));
            Assert.Equal(new Dictionary<string, int> { ["2026"] = 1, ["2024"] = 2, ["2023"] = 1, ["2022"] = 1, ["2020"] = 1 }, Facet(all, "year"));
            Assert.Equal("五华创新创业园高新分园", Names(all)[0]);
            Assert.Equal(["盘龙青年众创空间"], Names(await ApiAsync("?name=" + Uri.EscapeDataString("青年"))));
        }
        finally
        {
            panlong.Name = "盘龙众创空间";
            db.Remove(again);
            db.Actor.Operation = "测试.还原";
            await db.SaveChangesAsync();
            for (var i = 0; i < 100 && Facet(await ApiAsync(""), "status")["revoked"] != 1; i++) await Task.Delay(100);
        }
    }

    private async Task RevokeAsync(DateOnly? on)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var d = await (from x in db.Set<Designation>() join c in db.Set<Carrier>() on x.CarrierId equals c.Id where c.Name == "城关区创业创新示范园" select x).SingleAsync();
        d.RevokedOn = on;
        db.Actor.Operation = "测试.撤销";
        await db.SaveChangesAsync();
    }
}
