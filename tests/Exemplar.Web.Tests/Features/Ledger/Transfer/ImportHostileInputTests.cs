using System.IO.Compression;
using System.Text;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static Exemplar.Web.Tests.Features.Ledger.Transfer.ImportTestKit;
using Exemplar.Web.Features.Ledger.Transfer;

namespace Exemplar.Web.Tests.Features.Ledger.Transfer;

/// <summary>The app with small upload limits, so oversized files and zip bombs are quick to make.</summary>
public sealed class SmallLimitsFactory : ExemplarFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Exemplar:Ledger:MaxImportBytes", (200 * 1024).ToString());
        builder.UseSetting("Exemplar:Ledger:MaxXlsxUncompressedBytes", (2 * 1024 * 1024).ToString());
        builder.UseSetting("Exemplar:Ledger:MaxXlsxEntries", "50");
    }
}

/// <summary>Malformed, oversized, wrong-type and hostile files: each is refused in Chinese and nothing is saved.</summary>
public sealed class ImportHostileInputTests(SmallLimitsFactory app) : IClassFixture<SmallLimitsFactory>
{
    private static readonly string[] GoodRow = ["信息服务", "2025-03-01", "路演厅", "活动", "", "", "外区企业", "10", "公益免费", "", "", "", "满意"];

    private async Task<(HttpClient Client, string Url, Guid Id)> CarrierAsync(string name) => await NewCarrierAsync(app, name);

    /// <summary>Uploads, expects a refusal whose message contains <paramref name="expected"/>, and checks nothing was saved.</summary>
    private async Task RefusedAsync(string name, string fileName, byte[] content, string expected, string kind = "ledger")
    {
        var (client, url, id) = await CarrierAsync(name);
        var job = await UploadAsync(client, url, kind, fileName, content);
        var message = string.Join(" ", job.Errors());
        Assert.Contains(expected, message);
        Assert.Contains("未导入", job.Outcome());
        Assert.Equal(0, await app.DbAsync(db => db.Set<LedgerEntry>().CountAsync(e => e.CarrierId == id)));
        Assert.Equal(0, await app.DbAsync(db => db.Set<ResidentEnterprise>().CountAsync(e => e.CarrierId == id)));
    }

    private static byte[] LedgerCsv(int rows) => Utf8Bom(CsvText(LedgerHeader, Enumerable.Repeat(GoodRow, rows)));

    [Fact]
    public async Task Bytes_that_are_neither_utf8_nor_gbk_are_refused()
    {
        byte[] bad = [.. Encoding.UTF8.GetBytes(string.Join(",", LedgerHeader) + "\r\n"), 0xFF, 0xFE, 0xFF, (byte)',', 0x80, (byte)'\r', (byte)'\n'];
        await RefusedAsync("敌意编码园", "台账.csv", bad, "无法按 UTF-8 或 GBK/GB18030 编码读取");
    }

    [Fact]
    public async Task A_bad_byte_after_the_sniffed_part_is_refused_with_its_row()
    {
        var good = Encoding.UTF8.GetBytes(CsvText(LedgerHeader, Enumerable.Repeat(GoodRow, 1500))); // ~100 KB, more than the 64 KB sniffed
        byte[] content = [.. good, .. Encoding.UTF8.GetBytes("信息服务,2025-03-01,"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(",活动,,,外企,1,公益免费,,,,满意\r\n")];
        await RefusedAsync("敌意编码后段园", "台账.csv", content, "第1502行有无法按CSV（UTF-8）读取的字节");
    }

    [Fact]
    public async Task Utf16_text_is_refused_with_advice() =>
        await RefusedAsync("敌意UTF16园", "台账.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(CsvText(LedgerHeader, [GoodRow]))], "不支持 UTF-16");

    [Fact]
    public async Task A_renamed_executable_as_xlsx_is_refused()
    {
        byte[] elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[4000]];
        await RefusedAsync("敌意改名园", "台账.xlsx", elf, "内容不是 XLSX 工作簿");
        await RefusedAsync("敌意改名园2", "台账.csv", elf, "二进制");
    }

    [Fact]
    public async Task A_zip_that_is_not_a_workbook_is_refused()
    {
        var zip = Zip(("readme.txt", Encoding.UTF8.GetBytes("hello")));
        await RefusedAsync("敌意压缩包园", "台账.xlsx", zip, "内容不是 XLSX 工作簿");
        await RefusedAsync("敌意压缩包园2", "台账.csv", zip, "内容是压缩包");
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_by_size_ratio_and_entry_count()
    {
        // 20 MB of spaces deflate to about 20 KB: declared size over the 2 MB limit.
        await RefusedAsync("敌意炸弹园", "台账.xlsx", BombXlsx(20 * 1024 * 1024), "可能是压缩炸弹");
        // 1.5 MB of spaces: under the size limit, but compressed about 1000 times.
        await RefusedAsync("敌意炸弹园2", "台账.xlsx", BombXlsx(1536 * 1024), "压缩比超过 200 倍");
        var many = Enumerable.Range(0, 60).Select(i => ($"xl/media/image{i}.png", new byte[] { 1, 2, 3 }));
        await RefusedAsync("敌意炸弹园3", "台账.xlsx", Zip([.. XlsxSkeleton(), .. many]), "超过 50 个的上限");
    }

    [Fact]
    public async Task Oversized_files_are_refused_whether_or_not_their_size_is_declared()
    {
        var big = LedgerCsv(5000); // ~330 KB, over 200 KB + the form's envelope: refused from the declared length
        Assert.True(big.Length > 264 * 1024);
        await RefusedAsync("敌意超大园", "台账.csv", big, "文件超过 200 KB 的上限");
        var justOver = LedgerCsv(2750); // ~225 KB: passes the declared-length check, stopped while reading
        Assert.InRange(justOver.Length, 200 * 1024 + 1, 264 * 1024);
        await RefusedAsync("敌意超大园2", "台账.csv", justOver, "文件超过 200 KB 的上限");
    }

    [Fact]
    public async Task Malformed_and_wrong_type_files_are_refused()
    {
        await RefusedAsync("敌意格式园1", "台账.csv", Utf8Bom(string.Join(",", LedgerHeader) + "\r\n信息服务,\"没有闭合,2025-03-01\r\n"), "第2行：引号没有闭合");
        await RefusedAsync("敌意格式园2", "台账.exe", LedgerCsv(1), "只能导入 .csv 或 .xlsx 文件");
        await RefusedAsync("敌意格式园3", "台账.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[600]], "不支持 Excel 97-2003");
        await RefusedAsync("敌意格式园4", "台账.csv", [], "上传的文件是空的");
        await RefusedAsync("敌意格式园5", "台账.csv", Utf8Bom(string.Join(",", LedgerHeader) + "\r\n"), "没有数据行");
    }

    [Fact]
    public async Task Missing_required_columns_are_reported_on_row_one()
    {
        var (client, url, id) = await CarrierAsync("敌意列名园");
        var job = await UploadAsync(client, url, "ledger", "台账.csv", Utf8Bom("日期,地点\r\n2025-03-01,厅\r\n"));
        Assert.Contains("列名与模板不符", job.Outcome());
        Assert.Contains(job.Report(), r => r is ("1", "服务功能", "错误", _) && r.Problem.Contains("缺少必填列“服务功能”"));
        Assert.Equal(0, await app.DbAsync(db => db.Set<LedgerEntry>().CountAsync(e => e.CarrierId == id)));
    }

    [Fact]
    public async Task Path_traversal_in_the_file_name_is_harmless()
    {
        var (client, url, id) = await CarrierAsync("敌意路径园");
        var job = await UploadAsync(client, url, "ledger", "../../../etc/..\\passwd.csv", LedgerCsv(2));
        Assert.Contains("导入成功", job.Outcome());
        Assert.Equal("passwd.csv", await app.DbAsync(db => db.Set<ImportJob>().Where(j => j.CarrierId == id).Select(j => j.FileName).SingleAsync()));
        Assert.Equal(2, await app.DbAsync(db => db.Set<LedgerEntry>().CountAsync(e => e.CarrierId == id)));
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_first_is_refused_before_the_file_is_read()
    {
        var (client, url, id) = await CarrierAsync("敌意令牌园");
        var multipart = new MultipartFormDataContent
        {
            { new StringContent("ledger"), "Kind" },
            { new ByteArrayContent(LedgerCsv(2)), "File", "台账.csv" },
        };
        var r = await client.PostAsync($"{url}/Import", multipart);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(0, await app.DbAsync(db => db.Set<ImportJob>().CountAsync(j => j.CarrierId == id)));
    }

    private static IEnumerable<(string, byte[])> XlsxSkeleton() =>
    [
        ("[Content_Types].xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")),
        ("xl/workbook.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>")),
    ];

    private static byte[] BombXlsx(int size) => Zip([.. XlsxSkeleton(), ("xl/worksheets/sheet1.xml", Encoding.ASCII.GetBytes(new string(' ', size)))]);

    private static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                s.Write(content);
            }
        return ms.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries) => Zip(entries.AsEnumerable());
}
