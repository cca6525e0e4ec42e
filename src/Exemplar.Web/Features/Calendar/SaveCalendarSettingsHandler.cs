using System.Globalization;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calendar;

/// <summary>Reminder lead times as typed, e.g. "30, 7, 1".</summary>
public sealed record SaveCalendarSettingsCommand(int PolicyLapseLeadDays, string ReminderLeadDays);

public sealed class SaveCalendarSettingsHandler(ExemplarDbContext db, CalendarService calendars, TimeProvider clock)
{
    public async Task<List<string>> HandleAsync(SaveCalendarSettingsCommand c, CancellationToken ct)
    {
        var errors = new List<string>();
        var leads = new List<int>();
        foreach (var part in (c.ReminderLeadDays ?? "").Split([',', '，', '、', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var d)) leads.Add(d);
            else errors.Add($"提醒提前天数“{part}”不是正整数。");
        }
        errors.AddRange(CalendarSettings.Validate(c.PolicyLapseLeadDays, leads));
        if (errors.Count > 0) return errors;

        var row = await db.Set<CalendarSettings>().FirstOrDefaultAsync(s => s.Id == CalendarSettings.SingletonId, ct);
        if (row is null) db.Add(row = new CalendarSettings());
        row.PolicyLapseLeadDays = c.PolicyLapseLeadDays;
        row.ReminderLeadDays = [.. leads.OrderDescending()];
        row.UpdatedBy = db.Actor.Name;
        row.UpdatedAt = clock.GetUtcNow();
        db.Actor.Operation = "节假日安排.修改提醒设置";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ["其他管理员刚刚修改了提醒设置，请刷新后重试。"];
        }
        finally
        {
            calendars.Invalidate();
        }
        return errors;
    }
}
