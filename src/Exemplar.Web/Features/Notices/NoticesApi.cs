using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Decisions;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Notices;

/// <summary>
/// Published notices (公示) for anyone, as JSON: what the public notice page shows — the period, the proposed bases with
/// their operating organisations and regions, whether objections are accepted, the announcement once issued. No personal
/// names or telephone numbers (the publishing officer and the objection contact stay on the page).
/// </summary>
public static class NoticesApi
{
    public const int MaxPage = 10000;

    public sealed record NoticeSummaryDto(Guid Id, string Title, string? DocumentNumber, string ProgrammeId, string Status, string StatusLabel,
        DateOnly PublishedOn, DateOnly StartsOn, DateOnly EndsOn, int WorkingDays, int Bases, string Url);

    public sealed record NoticePageDto(int Total, int Page, int PageSize, IReadOnlyList<NoticeSummaryDto> Items);

    public sealed record EntryDto(int Order, string BaseName, string OperatorName, string RegionName, bool Removed, string? RemovedNote);

    public sealed record AnnouncementDto(string Number, string? Title, DateOnly AnnouncedOn, string Url);

    public sealed record NoticeDto(Guid Id, string Title, string? DocumentNumber, string ProgrammeId, string PolicyVersion, string PolicyTitle,
        string Status, string StatusLabel, DateOnly PublishedOn, DateOnly StartsOn, DateOnly EndsOn, int WorkingDays, string PeriodRule,
        bool LengthSetByAuthority, bool EndWasProvisional, string? ExtensionReason, bool AcceptsObjections, string ObjectionUrl,
        IReadOnlyList<EntryDto> Entries, AnnouncementDto? Announcement, string Url);

    public static void MapNoticesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/notices", ListAsync).WithTags("公示").WithSummary("已发布的公示（新发布的在前，每页20条；page 为页码）");
        api.MapGet("/notices/{id:guid}", FindAsync).WithTags("公示").WithSummary("一个公示：公示期、拟认定名单、异议受理情况和认定公告");
    }

    private static async Task<Results<Ok<NoticePageDto>, ProblemHttpResult>> ListAsync(
        [FromQuery] string? page, ExemplarDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var number = 1;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, out number) || number < 1 || number > MaxPage))
            return TypedResults.Problem(title: "查询条件有误", detail: $"页码应为1至{MaxPage}之间的整数。", statusCode: 400);
        var today = ChinaTime.Today(clock);
        var total = await db.Set<PublicNotice>().CountAsync(ct);
        var rows = await db.Set<PublicNotice>().AsNoTracking().OrderByDescending(n => n.PublishedAt).ThenBy(n => n.Id)
            .Skip((number - 1) * Paging.Size).Take(Paging.Size)
            .Select(n => new { n, Count = n.Entries.Count(e => !e.Removed) }).ToListAsync(ct);
        return TypedResults.Ok(new NoticePageDto(total, number, Paging.Size, [.. rows.Select(x => new NoticeSummaryDto(
            x.n.Id, x.n.Title, x.n.DocumentNumber, x.n.ProgrammeId, Key(x.n, today), NoticeLabels.Of(x.n.Status, x.n, today),
            x.n.PublishedOn, x.n.StartsOn, x.n.EndsOn, x.n.WorkingDays, x.Count, $"/Notices/{x.n.Id}"))]));
    }

    private static async Task<Results<Ok<NoticeDto>, ProblemHttpResult>> FindAsync(
        Guid id, ExemplarDbContext db, PolicySnapshots snapshots, TimeProvider clock, CancellationToken ct)
    {
        var n = await db.Set<PublicNotice>().AsNoTracking().Include(x => x.Entries).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return TypedResults.Problem(statusCode: 404, title: "未找到该公示", detail: "没有这个公示，或它尚未发布。");
        var hash = await db.Set<Call>().Where(c => c.Id == n.CallId).Select(c => c.PolicyHash).SingleAsync(ct);
        var policy = await snapshots.LoadAsync(hash, ct) ?? throw new InvalidOperationException($"政策版本 {hash} 未保存。");
        var decision = await db.Set<DesignationDecision>().AsNoTracking().Where(d => d.NoticeId == id && d.AnnouncedOn != null)
            .Select(d => new { d.AnnouncementNumber, d.AnnouncementTitle, d.AnnouncedOn }).FirstOrDefaultAsync(ct);
        var today = ChinaTime.Today(clock);
        return TypedResults.Ok(new NoticeDto(n.Id, n.Title, n.DocumentNumber, n.ProgrammeId, n.PolicyVersion, policy.Title, Key(n, today),
            NoticeLabels.Of(n.Status, n, today), n.PublishedOn, n.StartsOn, n.EndsOn, n.WorkingDays, NoticeTerm.Of(policy).Describe(),
            n.LengthSetByAuthority, n.EndWasProvisional, n.ExtensionReason, n.AcceptsObjectionsOn(today), $"/Notices/{n.Id}/Object",
            [.. n.Entries.OrderBy(e => e.Order).Select((e, i) => new EntryDto(i + 1, e.CarrierName, e.OperatorName, e.RegionName, e.Removed,
                e.Removed ? "经异议调查核实，已不再列入拟认定名单" : null))],
            decision is null ? null : new AnnouncementDto(decision.AnnouncementNumber!, decision.AnnouncementTitle, decision.AnnouncedOn!.Value,
                $"/Decisions/Notices/{n.Id}/Announcement"),
            $"/Notices/{n.Id}"));
    }

    /// <summary>upcoming / open / ended / decided / announced.</summary>
    private static string Key(PublicNotice n, DateOnly today) => n.Status switch
    {
        NoticeStatus.Published when today < n.StartsOn => "upcoming",
        NoticeStatus.Published when today <= n.EndsOn => "open",
        NoticeStatus.Published => "ended",
        NoticeStatus.Decided => "decided",
        _ => "announced",
    };
}
