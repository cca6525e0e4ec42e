using System.Net;
using System.Net.Http.Headers;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Ledger.Transfer;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Designations;

/// <summary>Existing designations entered by 昆明's designating officer: XLSX import with a row-level report, and the form.</summary>
public sealed class DesignationImportTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static readonly string[] Header = DesignationImport.Columns.Select(c => c.Header).ToArray();

    private static async Task<byte[]> XlsxAsync(params object?[][] rows)
    {
        static async IAsyncEnumerable<object?[]> Rows(object?[][] rows)
        {
            foreach (var r in rows) yield return r;
            await Task.CompletedTask;
        }
        using var ms = new MemoryStream();
        await XlsxWriter.WriteAsync(ms, [new XlsxSheet("既有认定", Header, Rows(rows))], default);
        return ms.ToArray();
    }

    private async Task<AngleSharp.Dom.IDocument> UploadAsync(HttpClient client, byte[] file, string name = "认定.xlsx")
    {
        var page = await client.GetDocumentAsync("/Designations/Import");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "Upload", name);
        var response = await client.PostAsync("/Designations/Import", content);
        if (response.StatusCode == HttpStatusCode.Redirect) return await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        return await response.ToDocumentAsync();
    }

    private async Task<int> CountAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ExemplarDbContext>().Set<Designation>().CountAsync();
    }

    private static object?[] Row(string name, string code, string programme, string number, string announced, string until = "", string certificate = "",
        string plaque = "", string revoked = "", string ground = "") =>
        [name, code, programme, "", number, announced, until, certificate, plaque, revoked, ground, "", ""];

    [Fact]
    public async Task Bad_rows_are_reported_row_by_row_in_chinese_and_nothing_is_saved()
    {
        var city = await app.SignedInAsync("km.city");
        var before = await CountAsync();
        var file = await XlsxAsync(
            Row("盘龙众创空间", "530103", "kunming-base-2022", "昆工信〔2021〕5号", "2021-06-01"),          // row 2: good
            Row("不存在的基地", "530102", "kunming-base-2022", "昆工信〔2021〕6号", "2021-06-01"),          // row 3: unknown base
            Row("五华创新创业园高新分园", "530100Z02", "kunming-base-2022", "昆工信〔2021〕7号", "2021-13-01"), // row 4: impossible date
            Row("聊城东昌创业孵化园", "371502", "liaocheng-base-2021", "聊工信〔2022〕1号", "2022-01-20"),   // row 5: another region's programme
            Row("五华创新创业园高新分园", "530100Z02", "kunming-base-2022", "昆工信〔2021〕8号", "2021-06-01", certificate: "KM-2023-015"), // row 6: number taken
            Row("昆明五华创新创业园", "530102", "kunming-base-2022", "昆工信〔2021〕9号", "2021-06-01", revoked: "2022-01-01"), // row 7: no ground
            Row("昆明五华创新创业园", "530102", "kunming-base-2022", "昆工信〔2021〕10号", "2021-06-01", until: "2040-01-01")); // row 8: 19 years
        var page = await UploadAsync(city, file);
        var report = page.QuerySelectorAll("#import-report tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.DoesNotContain(report, r => r[0] == "2");
        Assert.Contains(report, r => r[0] == "3" && r[1] == "基地名称" && r[2].Contains("未找到名为“不存在的基地”的基地（平台）"));
        Assert.Contains(report, r => r[0] == "4" && r[1] == "公告日期" && r[2].Contains("“2021-13-01”不是有效日期"));
        Assert.Contains(report, r => r[0] == "5" && r[1] == "认定办法" && r[2].Contains("不存在或不属于您的认定范围"));
        Assert.Contains(report, r => r[0] == "6" && r[1] == "证书编号" && r[2].Contains("证书编号“KM-2023-015”已被使用"));
        Assert.Contains(report, r => r[0] == "7" && r[1] == "撤销依据" && r[2].Contains("请选择撤销依据"));
        Assert.Contains(report, r => r[0] == "8" && r[1] == "有效期至" && r[2].Contains("不超过公告日期后10年") && r[2].Contains("第十五条：至2024年6月1日"));
        Assert.All(report, r => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", r[2]));
        Assert.Equal(before, await CountAsync());

        var wrongType = await UploadAsync(city, "not a workbook"u8.ToArray(), "x.xlsx");
        Assert.NotEmpty(wrongType.QuerySelectorAll("#import-report tbody tr"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_good_file_enters_the_designations_with_the_policy_validity_and_signed_certificates()
    {
        var city = await app.SignedInAsync("km.city");
        var file = await XlsxAsync(
            Row("盘龙众创空间", "530103", "kunming-base-2022", "昆工信〔2024〕12号", "2024-02-29", certificate: "KM-2024-012", plaque: "2024-03-15"),
            Row("五华创新创业园高新分园", "530100Z02", "kunming-base-2022", "昆工信〔2021〕3号", "2021-04-01"));
        var page = await UploadAsync(city, file);
        Assert.Contains("导入完成：新增 2 条认定", page.Body!.TextContent);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var panlong = await (from d in db.Set<Designation>() join c in db.Set<Carrier>() on d.CarrierId equals c.Id where c.Name == "盘龙众创空间" select d).SingleAsync();
        // 昆明办法第十五条: 3 years; 2024-02-29 has no 2027 counterpart → 2027-02-28 (民法典第二百零二条).
        Assert.Equal(new DateOnly(2027, 2, 28), panlong.ValidUntil);
        Assert.Equal(new DateOnly(2024, 3, 15), panlong.PlaqueAwardedOn);
        Assert.True(panlong.EnteredAfterwards);
        var certificate = await db.Set<IssuedCertificate>().SingleAsync(c => c.DesignationId == panlong.Id);
        Assert.Equal("KM-2024-012", certificate.Number);
        var drawn = await (from d in db.Set<Designation>() join c in db.Set<Carrier>() on d.CarrierId equals c.Id
                           join x in db.Set<IssuedCertificate>() on d.Id equals x.DesignationId where c.Name == "五华创新创业园高新分园" select new { d.ValidUntil, x.Number }).SingleAsync();
        Assert.Equal(new DateOnly(2024, 4, 1), drawn.ValidUntil);
        Assert.Matches(@"^ZS2026-\d{6}$", drawn.Number);
        var verify = await app.Client().GetDocumentAsync("/Verify/KM-2024-012");
        Assert.Equal("valid", verify.QuerySelector("#verify-result")!.GetAttribute("data-outcome"));
        Assert.Equal("expired", (await app.Client().GetDocumentAsync("/Verify/" + drawn.Number)).QuerySelector("#verify-result")!.GetAttribute("data-outcome"));
    }

    [Fact]
    public async Task The_form_refuses_a_period_for_beijing_and_says_why()
    {
        var bj = await app.SignedInAsync("bj.city");
        Guid carrier;
        using (var scope = app.Services.CreateScope())
            carrier = await scope.ServiceProvider.GetRequiredService<ExemplarDbContext>().Set<Carrier>().Where(c => c.Name == "海淀中关村创业示范基地").Select(c => c.Id).SingleAsync();
        var before = await CountAsync();
        var response = await bj.PostFormAsync("/Designations/Enter", new Dictionary<string, string>
        {
            ["CarrierId"] = carrier.ToString(), ["ProgrammeId"] = "beijing-base", ["AnnouncementNumber"] = "京经信发〔2020〕1号",
            ["AnnouncedOn"] = "2020-03-02", ["ValidUntil"] = "2023-03-02",
        });
        var page = await response.ToDocumentAsync();
        Assert.Contains(page.Errors(), e => e.Contains("该办法未规定有效期") && e.Contains("动态管理") && e.Contains("“有效期至”应留空"));
        Assert.Equal(before, await CountAsync());
        var km = await app.SignedInAsync("km.city");
        Assert.Equal(HttpStatusCode.NotFound, (await km.GetAsync($"/Designations/{Guid.NewGuid()}/Certificate")).StatusCode);
    }
}
