using System.Text;
using System.Text.Json;
using Exemplar.Web.Features.Ledger.Transfer;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Exemplar.Web.Tests.Features.Ledger.Transfer.ImportTestKit;

namespace Exemplar.Web.Tests.Features.Ledger.Transfer;

/// <summary>Good and bad imports of resident enterprises and ledger entries; expected figures are hand-computed.</summary>
public sealed class ImportTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    [Fact]
    public async Task Csv_then_xlsx_imports_change_the_metrics_by_the_hand_computed_amounts()
    {
        var (client, url, carrierId) = await NewCarrierAsync(app, "导入计数园");
        var before = await client.GetDocumentAsync($"{url}/Metrics/2025");
        Assert.Equal("0", before.Metric("InformationService", "EnterpriseVisits"));

        var enterprises = await UploadAsync(client, url, "enterprises", "入驻企业.csv", Utf8Bom(CsvText(EnterpriseHeader, EnterpriseRows)));
        Assert.Contains("导入成功", enterprises.Outcome());
        Assert.Contains("新增 2 家", enterprises.Outcome());
        Assert.Contains("年度数据 3 条", enterprises.Outcome());

        var ledger = await UploadAsync(client, url, "ledger", "台账.csv", Utf8Bom(CsvText(LedgerHeader, LedgerRows)));
        Assert.Contains("导入成功", ledger.Outcome());
        Assert.Contains("已导入台账记录 4 条", ledger.Outcome());
        Assert.Equal("4", ledger.QuerySelector("#imported")!.TextContent.Trim());
        Assert.Contains($"{url}/Ledger", ledger.QuerySelector("#import-outcome a")!.GetAttribute("href"));

        var m = await client.GetDocumentAsync($"{url}/Metrics/2025");
        Assert.Equal("4", m.Metric("InformationService", "EnterpriseVisits"));
        Assert.Equal("3", m.Metric("InformationService", "EnterprisesServed"));
        Assert.Equal("1", m.Metric("InformationService", "Events"));
        Assert.Equal("32", m.Metric("InformationService", "PersonTimes"));
        Assert.Equal("2", m.Metric("Training", "EnterpriseVisits"));
        Assert.Equal("1", m.Metric("Training", "Events"));
        Assert.Equal("40", m.Metric("Training", "PersonTimes"));
        Assert.StartsWith("83.33%", m.QuerySelector("#fee-share")!.TextContent.Trim()); // 5 / 6 家次
        Assert.Contains("2 家，其中小微企业 2 家", m.QuerySelector("#residents")!.TextContent);
        Assert.Contains("从业人员 32 人", m.QuerySelector("#residents")!.TextContent); // 12 + 20

        // A second file as XLSX: real date cells and number cells.
        object[][] more =
        [
            ["市场营销", new DateOnly(2025, 5, 10), "展会中心", "活动", "展览展销", "甲科技有限公司、乙信息有限公司", "", 50, "公益免费", "", "", "", "满意"],
            ["信息服务", "2025-06-01", "线上", "一对一服务", "", "乙信息有限公司", "", 1, "市场收费", "", "", "", "满意"],
        ];
        var xlsx = await UploadAsync(client, url, "ledger", "台账补充.xlsx", Xlsx(LedgerHeader, more));
        Assert.Contains("已导入台账记录 2 条", xlsx.Outcome());
        Assert.Contains("XLSX", xlsx.QuerySelector("#import-facts")!.TextContent);
        var m2 = await client.GetDocumentAsync($"{url}/Metrics/2025");
        Assert.Equal("5", m2.Metric("InformationService", "EnterpriseVisits"));   // +1
        Assert.Equal("3", m2.Metric("InformationService", "EnterprisesServed"));  // 乙 already counted
        Assert.Equal("33", m2.Metric("InformationService", "PersonTimes"));       // +1
        Assert.Equal("2", m2.Metric("Marketing", "EnterpriseVisits"));
        Assert.Equal("1", m2.Metric("Marketing", "Events"));
        Assert.Equal("50", m2.Metric("Marketing", "PersonTimes"));
        Assert.StartsWith("77.77%", m2.QuerySelector("#fee-share")!.TextContent.Trim()); // (5 + 2) / (6 + 3) = 77.77…%

        var entries = await app.DbAsync(db => db.Set<LedgerEntry>().Where(e => e.CarrierId == carrierId).ToListAsync());
        Assert.Equal(6, entries.Count);
        Assert.All(entries, e => Assert.NotNull(e.ImportJobId));
        var marketing = Assert.Single(entries, e => e.Function == Domain.Ledger.ServiceFunction.Marketing);
        Assert.Equal((new DateOnly(2025, 5, 10), Domain.Ledger.EventTopic.Exhibition, 2), (marketing.Date, marketing.Topic, marketing.ResidentIds.Count));
    }

    [Fact]
    public async Task One_import_writes_one_audit_row_with_the_file_hash_and_counts()
    {
        var (client, url, carrierId) = await NewCarrierAsync(app, "导入审计园");
        await UploadAsync(client, url, "enterprises", "企业.csv", Utf8Bom(CsvText(EnterpriseHeader, EnterpriseRows)));
        var bytes = Utf8Bom(CsvText(LedgerHeader, LedgerRows));
        var job = await UploadAsync(client, url, "ledger", "台账.csv", bytes);
        var jobId = Guid.Parse(job.Url.Split('/')[^1]);
        var audits = await app.DbAsync(db => db.Set<AuditEntry>().Where(a => a.Operation == "台账.批量导入" && a.EntityId == jobId.ToString()).ToListAsync());
        var audit = Assert.Single(audits);
        using var after = JsonDocument.Parse(audit.After!);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), after.RootElement.GetProperty("Sha256").GetString());
        Assert.Equal("台账.csv", after.RootElement.GetProperty("FileName").GetString());
        Assert.Equal(4, after.RootElement.GetProperty("ImportedRows").GetInt64());
        var userId = await app.DbAsync(db => db.Set<Exemplar.Web.Features.Account.UserAccount>().Where(u => u.UserName == "km.applicant").Select(u => u.Id).SingleAsync());
        Assert.Equal(userId, audit.ActorId);
        Assert.Equal("530102", audit.JurisdictionCode);
        // No per-row audit for the ledger rows; the rows point at their import instead.
        Assert.Equal(0, await app.DbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.EntityType == nameof(LedgerEntry) && a.Operation == "台账.批量导入")));
        Assert.Equal(4, await app.DbAsync(db => db.Set<LedgerEntry>().CountAsync(e => e.ImportJobId == jobId)));
        // Enterprises are audited per record (an import may overwrite them) plus one summary row.
        var ids = await app.DbAsync(db => db.Set<ResidentEnterprise>().Where(e => e.CarrierId == carrierId).Select(e => e.Id.ToString()).ToListAsync());
        Assert.Equal(2, await app.DbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Operation == "入驻企业.批量导入" && a.EntityType == nameof(ResidentEnterprise) && ids.Contains(a.EntityId))));
    }

    [Fact]
    public async Task One_bad_row_names_row_column_and_problem_and_nothing_is_saved()
    {
        var (client, url, carrierId) = await NewCarrierAsync(app, "导入错误园");
        await UploadAsync(client, url, "enterprises", "企业.csv", Utf8Bom(CsvText(EnterpriseHeader, EnterpriseRows)));
        string[][] rows = [LedgerRows[0], ["咨询服务", .. LedgerRows[1][1..]], LedgerRows[2], [.. LedgerRows[3][..7], "三十", .. LedgerRows[3][8..]]];
        var job = await UploadAsync(client, url, "ledger", "台账.csv", Utf8Bom(CsvText(LedgerHeader, rows)));
        Assert.Contains("有错误，未导入", job.Outcome());
        Assert.Contains("未导入任何内容", job.Outcome());
        var report = job.Report();
        Assert.Contains(("3", "A（服务功能）", "错误", "未知的服务功能“咨询服务”，应为以下之一：信息服务、创业辅导、创新支持、人员培训、市场营销、投融资服务、管理咨询、专业服务、产业链服务、技术服务、创业服务。"), report);
        Assert.Contains(report, r => r is ("5", "H（人数）", "错误", _) && r.Problem.Contains("“三十”不是整数"));
        Assert.Equal(0, await app.DbAsync(db => db.Set<LedgerEntry>().CountAsync(e => e.CarrierId == carrierId)));
        var jobId = job.Url.Split('/')[^1];
        Assert.Equal(0, await app.DbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Operation == "台账.批量导入" && a.EntityId == jobId)));

        // Fixed, the same file imports.
        var fixedJob = await UploadAsync(client, url, "ledger", "台账.csv", Utf8Bom(CsvText(LedgerHeader, LedgerRows)));
        Assert.Contains("已导入台账记录 4 条", fixedJob.Outcome());
    }

    [Fact]
    public async Task Usc_code_check_failure_and_outside_residency_are_an_error_and_a_warning()
    {
        var (client, url, carrierId) = await NewCarrierAsync(app, "导入核对园");
        string[][] bad = [[.. EnterpriseRows[0][..1], "91530102MA6K000112", .. EnterpriseRows[0][2..]]];
        var e = await UploadAsync(client, url, "enterprises", "企业.csv", Utf8Bom(CsvText(EnterpriseHeader, bad)));
        Assert.Contains(e.Report(), r => r is ("2", "B（统一社会信用代码）", "错误", _) && r.Problem.Contains("校验失败") && r.Problem.Contains("第18位应为“1”"));
        Assert.Equal(0, await app.DbAsync(db => db.Set<ResidentEnterprise>().CountAsync(x => x.CarrierId == carrierId)));

        await UploadAsync(client, url, "enterprises", "企业.csv", Utf8Bom(CsvText(EnterpriseHeader, EnterpriseRows)));
        string[][] early = [["管理咨询", "2025-01-15", "会议室", "一对一服务", "", "乙信息有限公司", "", "1", "公益免费", "", "", "", "满意"]]; // 乙 enters 2025-02-01
        var job = await UploadAsync(client, url, "ledger", "台账.csv", Utf8Bom(CsvText(LedgerHeader, early)));
        Assert.Contains("导入成功", job.Outcome());
        Assert.Contains(job.Report(), r => r is ("2", "F（参与入驻企业）", "警告", _) && r.Problem.Contains("不在其中"));
        var metrics = await client.GetDocumentAsync($"{url}/Metrics/2025");
        Assert.NotNull(metrics.QuerySelector("#anomalies li[data-kind=OutsideResidency]"));
    }

    [Fact]
    public async Task A_gbk_csv_saved_by_chinese_excel_imports()
    {
        var (client, url, carrierId) = await NewCarrierAsync(app, "导入编码园");
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(CsvText(EnterpriseHeader, EnterpriseRows));
        var job = await UploadAsync(client, url, "enterprises", "名录.csv", gbk);
        Assert.Contains("导入成功", job.Outcome());
        Assert.Contains("GBK/GB18030", job.QuerySelector("#import-facts")!.TextContent);
        var names = await app.DbAsync(db => db.Set<ResidentEnterprise>().Where(x => x.CarrierId == carrierId).OrderBy(x => x.Uscc).Select(x => x.Name).ToListAsync());
        Assert.Equal(["甲科技有限公司", "乙信息有限公司"], names);

        var utf8NoBom = Encoding.UTF8.GetBytes(CsvText(LedgerHeader, LedgerRows));
        Assert.Contains("已导入台账记录 4 条", (await UploadAsync(client, url, "ledger", "台账.csv", utf8NoBom)).Outcome());
    }

    [Fact]
    public async Task Formula_cells_are_stored_as_plain_text_and_flagged()
    {
        var (client, url, carrierId) = await NewCarrierAsync(app, "导入公式园");
        string[][] rows =
        [
            ["创业辅导", "2025-04-01", "@路演厅", "活动", "", "", "外企,=1+1公司", "12", "公益免费", "", "+86 871", "=HYPERLINK(\"http://evil.example\",\"点击\")", "\t-满意"],
        ];
        var job = await UploadAsync(client, url, "ledger", "台账.csv", Utf8Bom(CsvText(LedgerHeader, rows)));
        Assert.Contains("导入成功", job.Outcome());
        var flagged = job.Report().Where(r => r.Problem.StartsWith("公式字符已按文本处理", StringComparison.Ordinal)).Select(r => r.Column).ToList();
        Assert.Equal(["C（服务地点）", "G（其他参与企业）", "K（服务需求）", "L（服务成果）", "M（企业反馈）"], flagged);
        var e = await app.DbAsync(db => db.Set<LedgerEntry>().SingleAsync(x => x.CarrierId == carrierId));
        Assert.Equal("@路演厅", e.Place);
        Assert.Equal(["外企", "=1+1公司"], e.OtherNames);
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"点击\")", e.OutcomeText);
        Assert.Equal("-满意", e.Feedback); // trimmed; the TAB is whitespace
    }

    [Fact]
    public async Task Resubmitting_the_same_form_shows_the_first_result_instead_of_importing_twice()
    {
        var (client, url, carrierId) = await NewCarrierAsync(app, "导入重复提交园");
        await UploadAsync(client, url, "enterprises", "企业.csv", Utf8Bom(CsvText(EnterpriseHeader, EnterpriseRows)));
        var page = await client.GetDocumentAsync($"{url}/Import");
        var form = page.QuerySelectorAll("form[data-import-form]").Single(f => f.QuerySelector("input[name=Kind]")!.GetAttribute("value") == "ledger");
        MultipartFormDataContent Content() => new()
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent("ledger"), "Kind" },
            { new StringContent(form.QuerySelector("input[name=JobId]")!.GetAttribute("value")!), "JobId" },
            { new ByteArrayContent(Utf8Bom(CsvText(LedgerHeader, LedgerRows))), "File", "台账.csv" },
        };
        var first = await client.PostAsync($"{url}/Import", Content());
        var second = await client.PostAsync($"{url}/Import", Content());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(4, await app.DbAsync(db => db.Set<LedgerEntry>().CountAsync(e => e.CarrierId == carrierId)));
    }

    [Fact]
    public async Task Status_json_reports_a_finished_job_and_the_import_page_lists_it()
    {
        var (client, url, _) = await NewCarrierAsync(app, "导入进度园");
        var job = await UploadAsync(client, url, "enterprises", "企业.csv", Utf8Bom(CsvText(EnterpriseHeader, EnterpriseRows)));
        using var status = JsonDocument.Parse(await client.GetStringAsync(job.Url + "?handler=Status"));
        Assert.Equal("Succeeded", status.RootElement.GetProperty("status").GetString());
        Assert.True(status.RootElement.GetProperty("finished").GetBoolean());
        Assert.Equal(3, status.RootElement.GetProperty("processedRows").GetInt64());
        using var waiting = JsonDocument.Parse(await client.GetStringAsync($"{url}/Import/{Guid.CreateVersion7()}?handler=Status"));
        Assert.Equal("Waiting", waiting.RootElement.GetProperty("status").GetString());
        var list = await client.GetDocumentAsync($"{url}/Import");
        Assert.Contains("导入成功", list.QuerySelector("#recent-imports")!.TextContent);
    }

    [Fact]
    public async Task Templates_download_with_chinese_headers()
    {
        var (client, url, _) = await NewCarrierAsync(app, "导入模板园");
        var csv = await client.GetByteArrayAsync($"{url}/Import/Template/ledger/csv");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.StartsWith("服务功能*,服务日期*,服务地点*", Encoding.UTF8.GetString(csv[3..]));
        var xlsx = await client.GetAsync($"{url}/Import/Template/enterprises/xlsx");
        Assert.Equal(XlsxWriter.ContentType, xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        using var rows = XlsxRows.Open(new MemoryStream(bytes), new LedgerOptions());
        var header = new List<string>();
        Assert.True(rows.TryRead(header));
        Assert.Equal(EnterpriseHeader, header);
        Assert.False(rows.TryRead(header));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"{url}/Import/Template/ledger/pdf")).StatusCode);
    }

    [Fact]
    public async Task Scripts_import_through_the_api_with_the_same_checks()
    {
        var (client, url, carrierId) = await NewCarrierAsync(app, "导入接口园");
        var api = $"/api/v1/carriers/{carrierId}/imports";
        var enterprises = await client.PostAsync($"{api}/enterprises?fileName=名录", new ByteArrayContent(Utf8Bom(CsvText(EnterpriseHeader, EnterpriseRows)))
            { Headers = { ContentType = new("text/csv") } });
        Assert.Equal(System.Net.HttpStatusCode.Created, enterprises.StatusCode);
        using (var created = JsonDocument.Parse(await enterprises.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Succeeded", created.RootElement.GetProperty("status").GetString());
            Assert.Equal("名录.csv", created.RootElement.GetProperty("fileName").GetString());
        }
        var status = await client.GetAsync(enterprises.Headers.Location);
        Assert.Equal(System.Net.HttpStatusCode.OK, status.StatusCode);

        string[][] bad = [LedgerRows[0], ["咨询服务", .. LedgerRows[1][1..]]];
        var rejected = await client.PostAsync($"{api}/ledger", new ByteArrayContent(Xlsx(LedgerHeader, bad)) { Headers = { ContentType = new(XlsxWriter.ContentType) } });
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        using var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync());
        var issue = problem.RootElement.GetProperty("job").GetProperty("issues")[0];
        Assert.Equal((3, "A（服务功能）", "错误"), (issue.GetProperty("row").GetInt64(), issue.GetProperty("column").GetString(), issue.GetProperty("severity").GetString()));
        Assert.Equal(0, await app.DbAsync(db => db.Set<LedgerEntry>().CountAsync(e => e.CarrierId == carrierId)));

        var wrongType = await client.PostAsync($"{api}/ledger", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, wrongType.StatusCode);
        var other = await app.SignedInAsync("km.applicant2");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await other.PostAsync($"{api}/ledger", new ByteArrayContent([1]) { Headers = { ContentType = new("text/csv") } })).StatusCode);
    }
}
