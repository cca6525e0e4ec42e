using System.Text;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Ledger.Transfer;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Exemplar.Web.Tests.Features.Ledger.Transfer.ImportTestKit;

namespace Exemplar.Web.Tests.Features.Ledger.Transfer;

/// <summary>Exports read back equal to what was recorded, neutralised against formulas, and import again.</summary>
public sealed class ImportExportTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private const string Evil = "=HYPERLINK(\"http://evil.example\",\"点击\")";

    private static async Task<List<List<string>>> ReadCsvAsync(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var reader = new ImportCsvReader(new StringReader(Encoding.UTF8.GetString(bytes[3..])));
        var rows = new List<List<string>>();
        var fields = new List<string>();
        while (await reader.TryReadAsync(fields, CancellationToken.None)) rows.Add([.. fields]);
        return rows;
    }

    private static List<List<string>> ReadXlsx(byte[] bytes)
    {
        using var rows = XlsxRows.Open(new MemoryStream(bytes), new LedgerOptions());
        var all = new List<List<string>>();
        var cells = new List<string>();
        while (rows.TryRead(cells)) all.Add([.. cells]);
        return all;
    }

    private async Task<(HttpClient Client, string Url, Guid Id)> ImportedCarrierAsync(string name)
    {
        var (client, url, id) = await NewCarrierAsync(app, name);
        await UploadAsync(client, url, "enterprises", "企业.csv", Utf8Bom(CsvText(EnterpriseHeader, EnterpriseRows)));
        string[][] rows = [.. LedgerRows, ["专业服务", "2025-09-09", "@会议室", "一对一服务", "", "乙信息有限公司", "", "1", "低收费", "", "", Evil, "满意"]];
        Assert.Contains("导入成功", (await UploadAsync(client, url, "ledger", "台账.csv", Utf8Bom(CsvText(LedgerHeader, rows)))).Outcome());
        return (client, url, id);
    }

    [Fact]
    public async Task Exported_csv_and_xlsx_read_back_equal_and_neutralised()
    {
        var (client, url, _) = await ImportedCarrierAsync("导出园");
        var csv = await ReadCsvAsync(await client.GetByteArrayAsync($"{url}/Export?list=ledger&format=csv&Sort=date"));
        var xlsx = ReadXlsx(await client.GetByteArrayAsync($"{url}/Export?list=ledger&format=xlsx&Sort=date"));
        Assert.Equal(LedgerHeader, csv[0]);
        Assert.Equal(6, csv.Count); // header + 5 entries, oldest first
        // XLSX leaves empty cells out; pad to compare cell by cell.
        Assert.Equal(csv.Select(r => string.Join("|", r)), xlsx.Select(r => string.Join("|", r.Concat(Enumerable.Repeat("", LedgerHeader.Length - r.Count)))));

        var last = csv[^1];
        Assert.Equal("'" + Evil, last[11]);       // neutralised: the spreadsheet shows text
        Assert.Equal("'@会议室", last[2]);
        Assert.Equal(Evil, ImportCells.FromImport(last[11], out _)); // and the import takes the apostrophe off again
        Assert.Equal(["信息服务", "2024-12-31", "路演厅", "一对一服务", "", $"甲科技有限公司（{JiaCode}）", "", "1", "公益免费", "", "", "", "满意"], csv[1]);
        Assert.Equal(["信息服务", "2025-03-01", "路演厅", "活动", "", $"甲科技有限公司（{JiaCode}）、乙信息有限公司（{YiCode}）", "外区企业", "30", "公益免费", "", "政策解读需求", "讲解3项政策", "满意"], csv[2]);
        Assert.DoesNotContain(csv.Skip(1).SelectMany(r => r), c => ImportCells.IsFormulaLike(c));
    }

    [Fact]
    public async Task An_export_imports_into_another_base_and_gives_the_same_metrics()
    {
        var (client, url, _) = await ImportedCarrierAsync("导出来源园");
        var enterprises = await client.GetByteArrayAsync($"{url}/Export?list=enterprises&format=csv");
        var ledger = await client.GetByteArrayAsync($"{url}/Export?list=ledger&format=xlsx");
        var (_, target, targetId) = await NewCarrierAsync(app, "导出目标园");
        Assert.Contains("新增 2 家", (await UploadAsync(client, target, "enterprises", "企业.csv", enterprises)).Outcome());
        var job = await UploadAsync(client, target, "ledger", "台账.xlsx", ledger);
        Assert.Contains("已导入台账记录 5 条", job.Outcome());
        string Volumes(AngleSharp.Dom.IDocument d) => d.QuerySelector("#volumes tbody")!.TextContent;
        Assert.Equal(Volumes(await client.GetDocumentAsync($"{url}/Metrics/2025")), Volumes(await client.GetDocumentAsync($"{target}/Metrics/2025")));
        Assert.Equal(Evil, await app.DbAsync(db => db.Set<LedgerEntry>().Where(e => e.CarrierId == targetId && e.Function == ServiceFunction.ProfessionalServices).Select(e => e.OutcomeText).SingleAsync()));
    }

    [Fact]
    public async Task The_ledger_export_follows_the_list_filters()
    {
        var (client, url, _) = await ImportedCarrierAsync("导出筛选园");
        var training = await ReadCsvAsync(await client.GetByteArrayAsync($"{url}/Export?list=ledger&format=csv&Function=Training"));
        Assert.Equal(2, training.Count);
        Assert.Equal("人员培训", training[1][0]);
        var march = await ReadCsvAsync(await client.GetByteArrayAsync($"{url}/Export?list=ledger&format=csv&From=2025-03-01&To=2025-03-31"));
        Assert.Equal(3, march.Count);
        var page = await client.GetDocumentAsync($"{url}/Ledger?Function=Training");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"{url}/Export?list=ledger&format=csv&Function=Training");
    }

    [Fact]
    public async Task An_officer_in_scope_exports_staff_and_partners_of_a_base_in_the_county()
    {
        var carrier = await app.DbAsync(db => db.Set<Carrier>().SingleAsync(c => c.Name == "昆明五华创新创业园"));
        var staff = await app.DbAsync(db => db.Set<ServiceStaff>().CountAsync(s => s.CarrierId == carrier.Id));
        var officer = await app.SignedInAsync("km.wuhua");
        var response = await officer.GetAsync($"/Base/{carrier.Id}/Export?list=staff&format=csv");
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition.FileNameStar);
        var rows = await ReadCsvAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["姓名", "岗位", "专职", "学历", "职称", "创业导师资格证", "在基地工作年限"], rows[0]);
        Assert.Equal(staff, rows.Count - 1);
        var partners = ReadXlsx(await officer.GetByteArrayAsync($"/Base/{carrier.Id}/Export?list=partners&format=xlsx"));
        Assert.Equal(await app.DbAsync(db => db.Set<PartnerAgency>().CountAsync(p => p.CarrierId == carrier.Id)), partners.Count - 1);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await officer.GetAsync($"/Base/{carrier.Id}/Export?list=secrets&format=csv")).StatusCode);
    }
}
