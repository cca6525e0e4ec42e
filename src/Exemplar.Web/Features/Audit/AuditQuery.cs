using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Audit;

public sealed record AuditFilter(string? Actor, string? Operation, string? EntityType, string? EntityId,
    string? JurisdictionCode, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 50);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class AuditQuery(ExemplarDbContext db)
{
    public async Task<AuditPage> RunAsync(AuditFilter f, CancellationToken ct)
    {
        var q = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Actor)) q = q.Where(a => a.ActorName.Contains(f.Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(f.Operation)) q = q.Where(a => a.Operation.Contains(f.Operation.Trim()));
        if (!string.IsNullOrWhiteSpace(f.EntityType)) q = q.Where(a => a.EntityType == f.EntityType.Trim());
        if (!string.IsNullOrWhiteSpace(f.EntityId)) q = q.Where(a => a.EntityId == f.EntityId.Trim());
        if (!string.IsNullOrWhiteSpace(f.JurisdictionCode)) q = q.Where(a => a.JurisdictionCode == f.JurisdictionCode.Trim());
        if (f.From is { } from) q = q.Where(a => a.OccurredAt >= Start(from));
        if (f.To is { } to) q = q.Where(a => a.OccurredAt < Start(to.AddDays(1)));
        var size = Math.Clamp(f.PageSize, 10, 200);
        var total = await q.CountAsync(ct);
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (total + size - 1) / size));
        var items = await q.OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new AuditPage(items, total, page, size);
    }

    private static DateTimeOffset Start(DateOnly d) =>
        new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), ChinaTime.Zone.GetUtcOffset(d.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
}
