using Exemplar.Domain.Calendar;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Exemplar.Web.Features.Calendar;

/// <summary>
/// The current working-day calendar and lead-time settings, read from the database. Cached per instance for a
/// short time (<see cref="CacheFor"/>) and dropped at once when this instance changes them, so several instances
/// agree within seconds without shared state.
/// </summary>
public sealed class CalendarService(IMemoryCache cache, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(20);
    private const string CalendarKey = "calendar:notices";
    private const string SettingsKey = "calendar:settings";

    public async Task<HolidayCalendar> GetAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(CalendarKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
            return await LoadAsync(db, ct);
        }))!;

    public static async Task<HolidayCalendar> LoadAsync(ExemplarDbContext db, CancellationToken ct)
    {
        var rows = await db.Set<HolidayNoticeRecord>().AsNoTracking().OrderBy(r => r.Year).ToListAsync(ct);
        return HolidayCalendar.Create(rows.Select(r => r.ToNotice()));
    }

    public async Task<CalendarSettings> SettingsAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(SettingsKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
            return await db.Set<CalendarSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == CalendarSettings.SingletonId, ct)
                ?? new CalendarSettings();
        }))!;

    public void Invalidate()
    {
        cache.Remove(CalendarKey);
        cache.Remove(SettingsKey);
    }
}
