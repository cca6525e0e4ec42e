using System.Security.Claims;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Ledger.Transfer;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Designations;

/// <summary>One problem of an import: the spreadsheet row (0 for the file itself), the column, the message.</summary>
public sealed record DesignationImportIssue(long Row, string? Column, string Message);

public sealed record DesignationImportResult(bool Imported, int Added, IReadOnlyList<DesignationImportIssue> Issues);

/// <summary>
/// Imports existing designations from the first sheet of an XLSX (the ledger import's guarded reader): columns by header
/// in any order, every row checked as the form checks it (<see cref="EnterDesignationHandler"/>), the base found by its
/// name and region code; one error and nothing is saved, with a row-level report in Chinese.
/// </summary>
public sealed class DesignationImport(ExemplarDbContext db, EnterDesignationHandler handler, CertificateIssuer issuer, IOptions<LedgerOptions> options)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 2000;

    public static readonly (string Header, string Field, bool Required)[] Columns =
    [
        ("基地名称", "BaseName", true), ("所在地区代码", "RegionCode", true), ("认定办法", "ProgrammeId", true), ("办法版本", "PolicyVersion", false),
        ("公告文号", "AnnouncementNumber", true), ("公告日期", "AnnouncedOn", true), ("有效期至", "ValidUntil", false), ("证书编号", "CertificateNumber", false),
        ("授牌日期", "PlaqueAwardedOn", false), ("撤销日期", "RevokedOn", false), ("撤销依据", "RevocationGround", false),
        ("变更完成日期", "ChangeCompletedOn", false), ("变更事项", "ChangeDescription", false),
    ];

    public async Task<DesignationImportResult> RunAsync(Stream upload, ClaimsPrincipal user, CancellationToken ct)
    {
        var read = await XlsxListReader.ReadAsync(upload, options.Value, MaxBytes, MaxRows, "条认定", ct);
        if (read.Refusal is not null) return Refused(read.Refusal);
        var rows = read.Rows;

        var issues = new List<DesignationImportIssue>();
        var header = rows[0].Cells.Select(h => h.Trim().TrimEnd('*', '＊')).ToList();
        var index = Columns.ToDictionary(c => c.Field, c => header.IndexOf(c.Header));
        foreach (var c in Columns.Where(c => c.Required && index[c.Field] < 0)) issues.Add(new(rows[0].Row, c.Header, $"缺少必填列“{c.Header}”。"));
        if (issues.Count > 0) return new(false, 0, issues);

        var planned = new List<(Designation Designation, string? Number, ExistingDesignationInput Input)>();
        var seenNumbers = new HashSet<string>();
        var seenKeys = new HashSet<(Guid, string, DateOnly)>();
        foreach (var (row, cells) in rows.Skip(1))
        {
            string? Cell(string field) => index[field] is var i and >= 0 && i < cells.Count && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;
            var p = new Problems();
            DateOnly? Date(string field)
            {
                if (Cell(field) is not { } text) return null;
                if (ImportValues.TryDate(text, true, out var d)) return d;
                p.Add(field, $"“{(text.Length > 20 ? text[..20] + "…" : text)}”不是有效日期（应为 2024-03-01 这样的日期）。");
                return null;
            }
            var name = Cell("BaseName");
            var code = Cell("RegionCode");
            Guid? carrierId = null;
            if (name is null) p.Add("BaseName", "请填写基地名称。");
            else if (code is null) p.Add("RegionCode", "请填写所在地区代码。");
            else
            {
                var matches = await db.Set<Carrier>().AsNoTracking().Where(c => c.Name == name && c.JurisdictionCode == code).Select(c => c.Id).ToListAsync(ct);
                if (matches.Count == 0) p.Add("BaseName", $"在地区“{code}”中未找到名为“{(name.Length > 30 ? name[..30] + "…" : name)}”的基地（平台），请运营单位先在系统中登记。");
                else carrierId = matches[0];
            }
            var input = new ExistingDesignationInput(carrierId, Cell("ProgrammeId"), Cell("PolicyVersion"), Cell("AnnouncementNumber"), Date("AnnouncedOn"),
                Date("ValidUntil"), Cell("CertificateNumber"), Date("PlaqueAwardedOn"), Date("RevokedOn"), Cell("RevocationGround"),
                Date("ChangeCompletedOn"), Cell("ChangeDescription"));
            var checkedRow = await handler.CheckAsync(input, user, p, ct);
            if (checkedRow is { } ok)
            {
                if (ok.CertificateNumber is { } n && (!seenNumbers.Add(n) || await db.Set<IssuedCertificate>().AnyAsync(x => x.Number == n, ct)))
                    p.Add("CertificateNumber", $"证书编号“{n}”已被使用（系统中或前面的行）。");
                if (!seenKeys.Add((ok.Designation.CarrierId, ok.Designation.ProgrammeId, ok.Designation.AnnouncedOn)))
                    p.Add("BaseName", "与前面的行重复（同一基地、同一办法、同一公告日期）。");
                if (!p.Any) planned.Add((ok.Designation, ok.CertificateNumber, input));
            }
            foreach (var (field, messages) in p.Result().Errors)
            {
                // Without a base the handler's own "choose a base" adds nothing to the name column's message.
                if (field == "CarrierId" && carrierId is null) continue;
                var column = field == "CarrierId" ? "基地名称" : Columns.FirstOrDefault(c => c.Field == field).Header ?? EnterDesignationHandler.Labels.GetValueOrDefault(field);
                foreach (var m in messages) issues.Add(new(row, column, m));
            }
        }
        if (issues.Count > 0) return new(false, 0, issues);
        foreach (var (d, _, input) in planned) handler.Build(d, input);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Actor.Operation = "认定.批量导入既有认定";
            await db.SaveChangesAsync(ct);
            foreach (var (d, number, _) in planned) await issuer.IssueAsync(d, number, ct);
            await tx.CommitAsync(ct);
        });
        return new(true, planned.Count, []);
    }

    private static DesignationImportResult Refused(string message) => new(false, 0, [new(0, null, message)]);

    public static async Task WriteTemplateAsync(Stream output, CancellationToken ct)
    {
        static async IAsyncEnumerable<object?[]> Example()
        {
            yield return ["昆明五华创新创业园", "530102", "kunming-base-2022", "", "昆工信〔2023〕88号", "2023-12-15", "", "KM-2023-015", "2024-01-10", "", "", "", ""];
            await Task.CompletedTask;
        }
        await XlsxWriter.WriteAsync(output, [new XlsxSheet("既有认定", Columns.Select(c => c.Required ? c.Header + "*" : c.Header).ToList(), Example())], ct);
    }
}
