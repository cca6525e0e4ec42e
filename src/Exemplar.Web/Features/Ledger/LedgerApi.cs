using System.Security.Claims;
using System.Text.Json.Nodes;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Exemplar.Web.Features.Carriers;

namespace Exemplar.Web.Features.Ledger;

/// <summary>
/// Read-only ledger API under /api/v1, scoped exactly like the pages (<see cref="CarrierAccess"/>): applicants their
/// own organisation's carriers, officers those in their jurisdiction, administrators all, experts none.
/// Outside the scope: 403; unknown carrier: 404 — both ProblemDetails.
/// </summary>
public static class LedgerApi
{
    public const int MaxPageSize = 100;

    public static void MapLedgerApi(this RouteGroupBuilder api)
    {
        var viewers = new AuthorizeAttribute { Roles = LedgerRoles.Viewers };

        api.MapGet("/carriers", async Task<Results<Ok<CarrierPageDto>, ProblemHttpResult>> (
            ClaimsPrincipal user, ExemplarDbContext db, JurisdictionTreeCache trees, int? page, int? pageSize, CancellationToken ct) =>
        {
            var size = pageSize ?? 20;
            if (page is < 1 || size is < 1 or > MaxPageSize)
                return TypedResults.Problem(statusCode: 400, title: "分页参数无效", detail: $"page 应不小于1，pageSize 应在1至{MaxPageSize}之间。");
            var number = page ?? 1;
            var tree = await trees.GetAsync(ct);
            var q = CarrierAccess.Visible(db.Set<Carrier>().AsNoTracking(), user, tree);
            var total = await q.CountAsync(ct);
            var rows = await (from c in q.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip((number - 1) * size).Take(size)
                              join o in db.Set<Organization>() on c.OrganizationId equals o.Id
                              select new { c, Operator = o.Name }).ToListAsync(ct);
            return TypedResults.Ok(new CarrierPageDto(total, number, size, rows.Select(r => new CarrierSummaryDto(
                r.c.Id, r.c.Name, r.c.Kind.ToString(), LedgerLabels.Of(r.c.Kind), r.c.JurisdictionCode, tree.FullName(r.c.JurisdictionCode),
                r.c.OrganizationId, r.Operator, r.c.EstablishedOn)).ToList()));
        }).RequireAuthorization(viewers).WithSummary("管辖范围内的示范基地（平台），分页");

        api.MapGet("/carriers/{id:guid}/metrics/{year:int}", async Task<Results<Ok<CarrierMetricsDto>, ProblemHttpResult>> (
            Guid id, int year, ClaimsPrincipal user, ExemplarDbContext db, JurisdictionTreeCache trees, LedgerMetricsQuery query, CancellationToken ct) =>
        {
            var (carrier, problem) = await FindAsync(id, year, user, db, trees, ct);
            if (problem is not null) return problem;
            var volumes = await query.VolumesAsync(carrier!.Id, year, ct);
            var records = await query.RegistersAsync(carrier, year, ct); // the volumes above are all it counts of the entries
            var satisfaction = LedgerMetrics.Satisfaction(records.Satisfaction);
            var snap = LedgerMetrics.Residents(records.Residents, new DateOnly(year, 12, 31));
            var (prev, cur) = (LedgerMetrics.YearEnd(records.Residents, year - 1), LedgerMetrics.YearEnd(records.Residents, year));
            var staff = LedgerMetrics.Staff(records.Staff, QualificationRule.Kunming);
            var share = VolumeRow.ShareOf(volumes);
            return TypedResults.Ok(new CarrierMetricsDto(carrier.Id, carrier.Name, year,
                volumes.Select(v => new FunctionMetricsDto(ServiceFunctions.CatalogueId(v.Function), ServiceFunctions.Label(v.Function),
                    v.EnterpriseVisits, v.EnterprisesServed, v.Events, v.PersonTimes, v.ExhibitionEvents, v.MatchmakingEvents,
                    v.BankEnterpriseEvents, v.FinanceLectureEvents, v.FreeOrLowFeeVisits)).ToList(),
                new RatioDto(share.FreeOrLowFeeVisits, share.TotalVisits, share.Percent),
                new RatioDto(satisfaction.Satisfied, satisfaction.Answers, satisfaction.Percent),
                new ResidentsDto(snap.Date, snap.Total, snap.SmallMicro, snap.LeadingIndustry, snap.Employees, snap.SmallMicroEmployees),
                new YearEndDto(year - 1, prev.SmallMicro, prev.Employees, prev.Innovation),
                new YearEndDto(year, cur.SmallMicro, cur.Employees, cur.Innovation),
                new StaffDto(staff.FullTime, staff.Qualified, staff.Percent, staff.Mentors)));
        }).RequireAuthorization(viewers).WithSummary("基地（平台）某年度的各服务功能服务量与综合指标");

        api.MapGet("/carriers/{id:guid}/profile/{year:int}", async Task<Results<Ok<JsonObject>, ProblemHttpResult>> (
            Guid id, int year, ClaimsPrincipal user, ExemplarDbContext db, JurisdictionTreeCache trees, LedgerMetricsQuery query, CancellationToken ct) =>
        {
            var (carrier, problem) = await FindAsync(id, year, user, db, trees, ct);
            if (problem is not null) return problem;
            var records = await query.RegistersAsync(carrier!, year, ct);
            var facts = LedgerProfile.Facts(records, await query.YearFiguresAsync(carrier!.Id, year, null, ct), year);
            return TypedResults.Ok(ApiProfileJson.Write(carrier!.Name, new DateOnly(year, 12, 31), null, facts));
        }).RequireAuthorization(viewers).WithSummary("由台账填出的认定条件评估事实（profile 格式，见 policies/README.md），每项注明来源");
    }

    private static async Task<(Carrier?, ProblemHttpResult?)> FindAsync(Guid id, int year, ClaimsPrincipal user, ExemplarDbContext db, JurisdictionTreeCache trees, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) return (null, TypedResults.Problem(statusCode: 400, title: "年度无效", detail: "年度应在2000至2100之间。"));
        var carrier = await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (carrier is null) return (null, TypedResults.Problem(statusCode: 404, title: "未找到", detail: "没有这个基地（平台）。"));
        if (!CarrierAccess.For(user, carrier, await trees.GetAsync(ct)).CanRead)
            return (null, TypedResults.Problem(statusCode: 403, title: "无权访问", detail: "该基地（平台）不在您的管辖或单位范围内。"));
        return (carrier, null);
    }
}
