using System.Net;
using System.Text;
using AngleSharp.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Ledger.Transfer;

/// <summary>Builds carriers, CSV/XLSX files and uploads them the way the browser's form does.</summary>
internal static class ImportTestKit
{
    public static readonly string[] EnterpriseHeader = ImportLayout.Enterprises.Columns.Select(c => c.Header).ToArray();
    public static readonly string[] LedgerHeader = ImportLayout.Ledger.Columns.Select(c => c.Header).ToArray();

    // Valid codes (check characters computed by hand per GB 32100-2015).
    public const string JiaCode = "91530102MA6K000111";
    public const string YiCode = "91530103MA6K00022K";

    /// <summary>Two residents: 甲 (micro, 12 staff in 2025) and 乙 (small, 20 in 2025 and 18 in 2024).</summary>
    public static readonly string[][] EnterpriseRows =
    [
        ["甲科技有限公司", JiaCode, "2024-01-01", "", "软件", "是", "微型", "张经理", "13900000001", "2025", "12", "300", "1", "2", "0", "1", "0"],
        ["乙信息有限公司", YiCode, "2025-02-01", "", "电子商务", "是", "小型", "", "", "2025", "20", "800", "0", "0", "0", "0", "0"],
        ["乙信息有限公司", YiCode, "2025-02-01", "", "电子商务", "是", "小型", "", "", "2024", "18", "700", "0", "0", "0", "0", "0"],
    ];

    /// <summary>
    /// Four entries: 信息服务 2025 gives 4 家次 (3 + 1), 3 家 (甲, 乙, 外区企业), 1 次, 32 人次; 人员培训 2025 gives
    /// 2 家次, 1 次, 40 人次; free or low-fee 5 of 6 家次 in 2025; the last row is in 2024.
    /// </summary>
    public static readonly string[][] LedgerRows =
    [
        ["信息服务", "2025-03-01", "路演厅", "活动", "", $"{JiaCode}、乙信息有限公司", "外区企业", "30", "公益免费", "", "政策解读需求", "讲解3项政策", "满意"],
        ["信息服务", "2025/3/2", "路演厅", "一对一服务", "", "甲科技有限公司", "", "2", "市场收费", "", "", "", "满意"],
        ["人员培训", "2025年7月1日", "会议室", "培训", "", $"甲科技有限公司（{JiaCode}）、乙信息有限公司", "", "40", "低收费", "", "", "", "满意"],
        ["信息服务", "2024-12-31", "路演厅", "一对一服务", "", "甲科技有限公司", "", "1", "公益免费", "", "", "", "满意"],
    ];

    public static async Task<T> DbAsync<T>(this ExemplarFactory app, Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    /// <summary>A new carrier of km.applicant's organisation; returns the client and "/Base/{id}".</summary>
    public static async Task<(HttpClient Client, string Url, Guid Id)> NewCarrierAsync(ExemplarFactory app, string name, string user = "km.applicant")
    {
        var client = await app.SignedInAsync(user);
        var r = await client.PostFormAsync("/Base/Create", new Dictionary<string, string>
        {
            ["Form.Name"] = name, ["Form.Kind"] = "Base", ["Form.JurisdictionCode"] = "530102", ["Form.LeadingIndustries"] = "软件及信息技术服务、电子商务",
            ["Form.PrimaryType"] = "ProducerServices", ["Form.Area"] = "5000", ["Form.PublicServiceArea"] = "800", ["Form.EstablishedOn"] = "2019-05-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var url = r.Headers.Location!.OriginalString;
        return (client, url, Guid.Parse(url.Split('/')[^1]));
    }

    public static string CsvText(string[] header, IEnumerable<string[]> rows) =>
        string.Concat(new[] { header }.Concat(rows).Select(r => string.Join(",", r.Select(Quote)) + "\r\n"));

    /// <summary>Quotes like Excel does, without neutralising (tests write hostile cells as they are).</summary>
    private static string Quote(string s) => s.AsSpan().IndexOfAny(",\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";

    public static byte[] Utf8Bom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    /// <summary>An XLSX with one sheet; a cell value that is a DateOnly becomes a date-formatted number, an int a number.</summary>
    public static byte[] Xlsx(string[] header, IEnumerable<object[]> rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 }, new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
                new Borders(new Border()) { Count = 1 }, new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable();
            var strings = new Dictionary<string, int>();
            var sheet = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 1;
            foreach (var row in new[] { header.Cast<object>().ToArray() }.Concat(rows))
            {
                var xr = new Row { RowIndex = r };
                for (var i = 0; i < row.Length; i++)
                {
                    var reference = ImportIssue.ColumnLetter(i) + r;
                    switch (row[i])
                    {
                        case "": break;
                        case int n: xr.Append(new Cell { CellReference = reference, CellValue = new CellValue(n) }); break;
                        case DateOnly d:
                            xr.Append(new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                        case string s:
                            if (!strings.TryGetValue(s, out var idx))
                            {
                                idx = strings.Count;
                                strings[s] = idx;
                                sst.SharedStringTable.Append(new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve }));
                            }
                            xr.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(idx) });
                            break;
                    }
                }
                data.Append(xr);
                r++;
            }
            sheet.Worksheet = new Worksheet(data);
            wb.Workbook = new Workbook(new Sheets(new Sheet { Id = wb.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
        }
        return ms.ToArray();
    }

    /// <summary>Uploads like the import page's form (token, kind, job id, then the file); returns the redirect response.</summary>
    public static async Task<HttpResponseMessage> PostUploadAsync(HttpClient client, string carrierUrl, string kind, string fileName, byte[] content)
    {
        var page = await client.GetDocumentAsync($"{carrierUrl}/Import");
        var form = page.QuerySelectorAll("form[data-import-form]").Single(f => f.QuerySelector("input[name=Kind]")!.GetAttribute("value") == kind);
        var multipart = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
            { new StringContent(form.QuerySelector("input[name=JobId]")!.GetAttribute("value")!), "JobId" },
            { new ByteArrayContent(content), "File", fileName },
        };
        return await client.PostAsync($"{carrierUrl}/Import", multipart);
    }

    /// <summary>Uploads and opens the job page it redirects to.</summary>
    public static async Task<IDocument> UploadAsync(HttpClient client, string carrierUrl, string kind, string fileName, byte[] content)
    {
        var r = await PostUploadAsync(client, carrierUrl, kind, fileName, content);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var location = r.Headers.Location!.OriginalString;
        Assert.StartsWith($"{carrierUrl}/Import/", location);
        return await client.GetDocumentAsync(location);
    }

    public static string Outcome(this IDocument job) => (job.QuerySelector("#import-outcome") ?? job.QuerySelector("#errors"))?.TextContent ?? "";

    /// <summary>The report as (行, 列, 类别, 问题) rows.</summary>
    public static IReadOnlyList<(string Row, string Column, string Severity, string Problem)> Report(this IDocument job) =>
        job.QuerySelectorAll("#report tbody tr").Select(tr =>
        {
            var td = tr.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();
            return (td[0], td[1], td[2], td[3]);
        }).ToList();

    public static string Metric(this IDocument metrics, string function, string measure) =>
        metrics.QuerySelector($"tr[data-function={function}] a[data-measure={measure}]")!.TextContent.Trim();
}
