using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>The filters of the list pages, as the export links pass them on.</summary>
public sealed record ExportFilter(string? Q = null, string? Sort = null, SizeClass? Size = null, ServiceFunction? Function = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>A list to export: file title, header and rows streamed from the database.</summary>
public sealed record ExportList(string Title, IReadOnlyList<string> Header, IAsyncEnumerable<object?[]> Rows);

/// <summary>
/// The rows of each exportable list, with the same filters and order as its page. Resident enterprises and
/// ledger entries use the import templates' columns, so an exported file can be corrected and imported again
/// (ledger participants are written as 名称（统一社会信用代码）, which the import reads).
/// </summary>
public sealed class ExportLists(ExemplarDbContext db)
{
    public static readonly IReadOnlyList<string> Keys = ["enterprises", "staff", "partners", "ledger"];

    public async Task<ExportList?> ForAsync(Guid carrierId, string? list, ExportFilter f, CancellationToken ct) => list switch
    {
        "enterprises" => new("入驻企业", Headers(ImportLayout.Enterprises), Enterprises(carrierId, f)),
        "staff" => new("服务人员", ["姓名", "岗位", "专职", "学历", "职称", "创业导师资格证", "在基地工作年限"], Staff(carrierId)),
        "partners" => new("合作机构", ["机构名称", "协议起始日期", "协议截止日期", "服务内容"], Partners(carrierId)),
        "ledger" => new("服务台账", Headers(ImportLayout.Ledger), await LedgerAsync(carrierId, f, ct)),
        _ => null,
    };

    private static IReadOnlyList<string> Headers(ImportLayout layout) => layout.Columns.Select(c => c.Header).ToList();

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd");

    private async IAsyncEnumerable<object?[]> Enterprises(Guid carrierId, ExportFilter f)
    {
        var q = EnterprisesModel.Query(db, carrierId, f.Q, f.Size, f.Sort).Include(e => e.Years);
        await foreach (var e in q.AsAsyncEnumerable())
        {
            object?[] Row(ResidentYearFigure? y) =>
            [
                e.Name, e.Uscc, Date(e.EntryDate), e.ExitDate is { } x ? Date(x) : null, e.Industry, e.InLeadingIndustry ? "是" : "否",
                LedgerLabels.Of(e.SizeClass), e.ContactName, e.ContactPhone,
                y?.Year, y?.Employees, y?.RevenueWan, y?.PatentsApplied, y?.PatentsHeld, y?.HighTechRecognitions, y?.TechSmeRecognitions, y?.OtherOutcomes,
            ];
            if (e.Years.Count == 0) yield return Row(null);
            foreach (var y in e.Years.OrderBy(y => y.Year)) yield return Row(y);
        }
    }

    private async IAsyncEnumerable<object?[]> Staff(Guid carrierId)
    {
        await foreach (var s in db.Set<ServiceStaff>().AsNoTracking().Where(s => s.CarrierId == carrierId).OrderBy(s => s.Name).AsAsyncEnumerable())
            yield return [s.Name, s.Position, s.FullTime ? "是" : "否", LedgerLabels.Of(s.Education), LedgerLabels.Of(s.Title), s.MentorCertificate, s.YearsAtBase];
    }

    private async IAsyncEnumerable<object?[]> Partners(Guid carrierId)
    {
        await foreach (var p in db.Set<PartnerAgency>().AsNoTracking().Where(s => s.CarrierId == carrierId).OrderBy(s => s.Name).AsAsyncEnumerable())
            yield return [p.Name, Date(p.AgreementFrom), p.AgreementTo is { } t ? Date(t) : null, p.Services];
    }

    private async Task<IAsyncEnumerable<object?[]>> LedgerAsync(Guid carrierId, ExportFilter f, CancellationToken ct)
    {
        var residents = await db.Set<ResidentEnterprise>().AsNoTracking().Where(r => r.CarrierId == carrierId)
            .ToDictionaryAsync(r => r.Id, r => $"{r.Name}（{r.Uscc}）", ct);
        var partners = await db.Set<PartnerAgency>().AsNoTracking().Where(p => p.CarrierId == carrierId).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return Rows();

        async IAsyncEnumerable<object?[]> Rows()
        {
            await foreach (var e in EntriesModel.Query(db, carrierId, f.Function, f.From, f.To, f.Q, f.Sort).AsAsyncEnumerable())
                yield return
                [
                    ServiceFunctions.Label(e.Function), Date(e.Date), e.Place, LedgerLabels.Of(e.Form), e.Topic == EventTopic.None ? null : LedgerLabels.Of(e.Topic),
                    string.Join("、", e.ResidentIds.Select(id => residents.GetValueOrDefault(id, "（已删除企业）"))), string.Join("、", e.OtherNames),
                    e.PersonCount, LedgerLabels.Of(e.Fee), e.PartnerAgencyId is { } p ? partners.GetValueOrDefault(p) : null,
                    e.RequestText, e.OutcomeText, e.Feedback,
                ];
        }
    }
}
