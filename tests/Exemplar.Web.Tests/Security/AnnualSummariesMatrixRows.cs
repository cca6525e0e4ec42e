using Exemplar.Web.Features.AnnualSummaries;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

/// <summary>
/// Issue 14, annual summaries and local reports: a base's operator opens its own summaries; officers read submitted
/// summaries of bases in their jurisdiction (昆明 never a 聊城 base's); local reports are read by their author and by the
/// officers above (the designating authority), never by applicants or experts. Posts are refused in the handlers for
/// roles that may only read (the matrix sees a post without a token answered 400, i.e. reaching the page).
/// </summary>
public sealed class AnnualSummariesMatrixRows : IMatrixRows
{
    public IEnumerable<MatrixRow> Rows =>
    [
        new("GET", "/AnnualSummaries", Deny, Allow, Allow, Allow, Allow, Allow, Deny, Allow),
        new("POST", "/AnnualSummaries", Deny, Allow, Allow, Allow, Allow, Allow, Deny, Allow),
        new("GET", "/AnnualSummaries/{id:guid}/{handler?}", Deny, Own, Own, Own, Own, Own, Deny, Allow, SummaryAsync),
        new("POST", "/AnnualSummaries/{id:guid}/{handler?}", Deny, Own, Own, Own, Own, Own, Deny, Allow, SummaryAsync),
        new("GET", "/AnnualReports", Deny, Deny, Allow, Allow, Allow, Allow, Deny, Allow),
        new("POST", "/AnnualReports", Deny, Deny, Allow, Allow, Allow, Allow, Deny, Allow),
        new("GET", "/AnnualReports/{id:guid}/{handler?}", Deny, Deny, Own, Own, Own, Own, Deny, Allow, ReportAsync),
        new("POST", "/AnnualReports/{id:guid}/{handler?}", Deny, Deny, Own, Own, Own, Own, Deny, Allow, ReportAsync),
    ];

    /// <summary>Where each persona's own sample lies (the other sample is always the 聊城 base or authority).</summary>
    private static (string Jurisdiction, string Programme) Place(string user) => user switch
    {
        "xz.lasa" => ("540102", "xizang-base-2017"),
        "km.gaoxin" => ("530100Z02", "kunming-base-2022"),
        _ => ("530102", "kunming-base-2022"),
    };

    private static Task<(string, string)> SummaryAsync(IServiceProvider s, string user) => WithDbAsync(s, async db =>
    {
        var (code, programme) = Place(user);
        return ($"/AnnualSummaries/{await SubmittedSummaryAsync(db, code, programme)}",
            $"/AnnualSummaries/{await SubmittedSummaryAsync(db, "371502", "liaocheng-base-2021")}");
    });

    private static Task<(string, string)> ReportAsync(IServiceProvider s, string user) => WithDbAsync(s, async db =>
    {
        var (code, programme) = user == "xz.lasa" ? ("540100", "xizang-base-2017") : Place(user);
        return ($"/AnnualReports/{await SubmittedReportAsync(db, code, programme)}",
            $"/AnnualReports/{await SubmittedReportAsync(db, "371502", "liaocheng-base-2021")}");
    });

    private static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    /// <summary>A submitted 2025 summary of a designated base in the jurisdiction (the demo base there, or one made for the zone).</summary>
    internal static async Task<Guid> SubmittedSummaryAsync(ExemplarDbContext db, string code, string programme)
    {
        var designation = await (from d in db.Set<Designation>() join c in db.Set<Carrier>() on d.CarrierId equals c.Id
                                 where c.JurisdictionCode == code && d.ProgrammeId == programme orderby d.AnnouncedOn select d).FirstOrDefaultAsync()
            ?? await ZoneBaseAsync(db, code, programme);
        var existing = await db.Set<AnnualSummary>().Where(x => x.DesignationId == designation.Id && x.Year == 2025 && x.Number == 1).Select(x => (Guid?)x.Id).FirstOrDefaultAsync();
        if (existing is { } id) return id;
        var summary = new AnnualSummary
        {
            DesignationId = designation.Id, CarrierId = designation.CarrierId, Year = 2025, Number = 1, Status = FilingStatus.Submitted,
            Narrative = "本年度基地围绕入驻企业需求开展服务。", DueDate = new DateOnly(2026, 1, 31), SubmitTo = "县（市）区中小企业主管部门", Citation = "第十六条",
            FiguresJson = ApplicationJson.Write(new SummaryFigures(2025, [], 0, 0, null, 0, 0, null, 0, 0, 0, null, 0, 0)),
            CreatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow, SubmittedOn = new DateOnly(2026, 1, 20), DaysLate = 0, SubmittedByName = "测试",
        };
        db.Add(summary);
        db.Actor.Operation = "测试.年度总结样本";
        await db.SaveChangesAsync();
        return summary.Id;
    }

    private static async Task<Designation> ZoneBaseAsync(ExemplarDbContext db, string code, string programme)
    {
        var org = await db.Set<Carrier>().Where(c => c.Name == "五华科技创业示范园").Select(c => c.OrganizationId).SingleAsync();
        var carrier = new Carrier
        {
            OrganizationId = org, Name = "高新区测试示范基地", JurisdictionCode = code, Kind = Exemplar.Domain.Ledger.CarrierKind.Base,
            EstablishedOn = new DateOnly(2018, 1, 1), CreatedAt = DateTimeOffset.UtcNow,
        };
        var d = new Designation
        {
            CarrierId = carrier.Id, ProgrammeId = programme, PolicyVersion = "2022.1", AnnouncedOn = new DateOnly(2024, 12, 1),
            ValidFrom = new DateOnly(2024, 12, 1), ValidUntil = new DateOnly(2027, 11, 30), EnteredAfterwards = true, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Add(carrier);
        db.Add(d);
        db.Actor.Operation = "测试.认定样本";
        await db.SaveChangesAsync();
        return d;
    }

    internal static async Task<Guid> SubmittedReportAsync(ExemplarDbContext db, string code, string programme)
    {
        var existing = await db.Set<AnnualReport>().Where(r => r.JurisdictionCode == code && r.ProgrammeId == programme && r.Year == 2025).Select(r => (Guid?)r.Id).FirstOrDefaultAsync();
        if (existing is { } id) return id;
        var report = new AnnualReport
        {
            JurisdictionCode = code, ProgrammeId = programme, Year = 2025, Status = FilingStatus.Submitted, Narrative = "辖区内示范基地运行正常。",
            TotalsJson = ApplicationJson.Write(new AreaTotals(0, 0, 0, 0, 0, [], new AreaFunctionTotal(null, 0, 0, 0, 0))),
            DueDate = new DateOnly(2026, 2, 28), SubmitTo = "市工业和信息化局", Citation = "第十七条", CreatedAt = DateTimeOffset.UtcNow,
            SubmittedAt = DateTimeOffset.UtcNow, SubmittedOn = new DateOnly(2026, 2, 20), DaysLate = 0, SubmittedByName = "测试",
        };
        db.Add(report);
        db.Actor.Operation = "测试.年度报告样本";
        await db.SaveChangesAsync();
        return report.Id;
    }
}
