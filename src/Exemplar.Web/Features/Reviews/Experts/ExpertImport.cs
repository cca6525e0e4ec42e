using System.Security.Claims;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Ledger.Transfer;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Reviews.Experts;

/// <summary>One problem of an import: the spreadsheet row (0 for the file itself), the column, the message.</summary>
public sealed record ExpertImportIssue(long Row, string? Column, string Message);

public sealed record ExpertImportResult(bool Imported, int Added, int Updated, IReadOnlyList<ExpertImportIssue> Issues);

/// <summary>
/// Imports experts from the first sheet of an XLSX (the ledger import's guarded reader): columns by their header, in any
/// order; every row checked as the form checks it; one error and nothing is saved, with a row-level report. An expert
/// already in the pool (same name and mobile) is updated; the others are added; nobody is deleted.
/// </summary>
public sealed class ExpertImport(ExemplarDbContext db, JurisdictionTreeCache trees, IOptions<LedgerOptions> options, TimeProvider clock)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 2000;

    public static readonly (string Header, string Field, bool Required)[] Columns =
    [
        ("姓名", "Name", true), ("专业领域", "Specialties", true), ("工作单位", "EmployerName", true), ("工作单位统一社会信用代码", "EmployerUscc", true),
        ("所在地区代码", "RegionCode", true), ("手机", "Mobile", true), ("电子邮箱", "Email", false), ("在库", "IsActive", false), ("专家账户", "AccountUserName", false),
    ];

    public async Task<ExpertImportResult> RunAsync(Stream upload, ClaimsPrincipal user, CancellationToken ct)
    {
        var read = await XlsxListReader.ReadAsync(upload, options.Value, MaxBytes, MaxRows, "位专家", ct);
        if (read.Refusal is not null) return Refused(read.Refusal);
        var rows = read.Rows;

        var issues = new List<ExpertImportIssue>();
        var header = rows[0].Cells.Select(h => h.Trim().TrimEnd('*', '＊')).ToList();
        var index = Columns.ToDictionary(c => c.Field, c => header.IndexOf(c.Header));
        foreach (var c in Columns.Where(c => c.Required && index[c.Field] < 0)) issues.Add(new(rows[0].Row, c.Header, $"缺少必填列“{c.Header}”。"));
        if (issues.Count > 0) return new(false, 0, 0, issues);

        var tree = await trees.GetAsync(ct);
        var existing = await db.Set<Expert>().ToListAsync(ct);
        var seen = new HashSet<(string, string)>();
        var planned = new List<(Expert? Existing, ExpertInput Input, Guid? UserId)>();
        foreach (var (row, cells) in rows.Skip(1))
        {
            string? Cell(string field) => index[field] is var i and >= 0 && i < cells.Count ? cells[i].Trim() : null;
            var active = Cell("IsActive");
            var input = new ExpertInput(Cell("Name"), (Cell("Specialties") ?? "").Split(['、', ',', '，', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Cell("EmployerName"), Cell("EmployerUscc"), Cell("RegionCode"), Cell("Mobile"), Cell("Email"), active is not ("否" or "0"), Cell("AccountUserName"));
            var p = new Problems();
            ExpertScope.Check(input, p, tree, user, f => f);
            if (active is { Length: > 0 } and not ("是" or "否" or "1" or "0")) p.Add("IsActive", "“在库”应填“是”或“否”。");
            var match = existing.FirstOrDefault(e => e.Name == input.Name && e.Mobile == input.Mobile);
            if (match is not null && !ExpertScope.Covers(user, tree, match.RegionCode)) p.Add("Name", "该专家属于其他地区，不能修改。");
            var userId = await SaveExpertHandler.LinkedAccountAsync(db, input.AccountUserName, match?.Id, p, "AccountUserName", ct);
            if (!seen.Add((input.Name ?? "", input.Mobile ?? ""))) p.Add("Name", "与前面的行重复（姓名和手机号码相同）。");
            if (userId is { } u && planned.Any(x => x.UserId == u)) p.Add("AccountUserName", "专家账户在前面的行已使用。");
            foreach (var (field, messages) in p.Result().Errors)
                foreach (var m in messages) issues.Add(new(row, Columns.First(c => c.Field == field).Header, m));
            planned.Add((match, input, userId));
        }
        if (issues.Count > 0) return new(false, 0, 0, issues);
        int added = 0, updated = 0;
        foreach (var (match, input, userId) in planned)
        {
            var e = match;
            if (e is null)
            {
                e = new Expert { Name = "", EmployerName = "", EmployerUscc = "", RegionCode = "", Mobile = "", CreatedAt = clock.GetUtcNow() };
                db.Add(e);
                added++;
            }
            else updated++;
            SaveExpertHandler.Apply(e, input, userId);
        }
        db.Actor.Operation = "专家库.批量导入";
        await db.SaveChangesAsync(ct);
        return new(true, added, updated, []);
    }

    private static ExpertImportResult Refused(string message) => new(false, 0, 0, [new(0, null, message)]);

    public static async Task WriteTemplateAsync(Stream output, CancellationToken ct)
    {
        static async IAsyncEnumerable<object?[]> Example()
        {
            yield return ["张三", "创业辅导、管理咨询", "云南大学", "125300004312000534", "530102", "13800000000", "zhangsan@example.cn", "是", ""];
            await Task.CompletedTask;
        }
        await XlsxWriter.WriteAsync(output, [new XlsxSheet("评审专家", Columns.Select(c => c.Required ? c.Header + "*" : c.Header).ToList(), Example(),
            [new XlsxChoice(7, ["是", "否"])])], ct);
    }
}
