using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Notifications;

public sealed class ReminderOptions
{
    public bool Enabled { get; set; } = true;
    public int IntervalMinutes { get; set; } = 15;
    /// <summary>Wait before the first run, so a starting (or test-seeding) instance does not send at once.</summary>
    public int InitialDelaySeconds { get; set; } = 60;
}

/// <summary>What one run did: whether it held the lease, reminders sent, notifications written.</summary>
public sealed record ReminderRunResult(bool RanHere, int RemindersSent, int NotificationsCreated);

/// <summary>
/// Every <see cref="ReminderOptions.IntervalMinutes"/>: derives all obligations, picks the reminders due today at the
/// administrator's lead times (<see cref="ReminderSelector"/>) and writes a notification to each user who must act.
/// Safe with several instances: a run holds the <c>job_leases</c> row (FOR UPDATE SKIP LOCKED, so a concurrent run
/// elsewhere skips), and each reminder key is inserted with ON CONFLICT DO NOTHING under its primary key before any
/// notification is written, in the same transaction, so a reminder is never sent twice even without the lease.
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<ReminderJob> log)
    : BackgroundService
{
    public const string LeaseName = "reminders";
    private static readonly string Holder = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(o.InitialDelaySeconds), clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var result = await RunOnceAsync(clock.GetUtcNow(), stoppingToken);
                    if (result.RemindersSent > 0)
                        log.LogInformation("提醒任务：发送{Reminders}条提醒，写入{Notifications}条通知", result.RemindersSent, result.NotificationsCreated);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "提醒任务运行失败，将在下个周期重试");
                }
                await Task.Delay(TimeSpan.FromMinutes(o.IntervalMinutes), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One run at <paramref name="now"/>; returns without sending if another run holds the lease.</summary>
    public Task<ReminderRunResult> RunOnceAsync(DateTimeOffset now, CancellationToken ct = default) => RunAsync(now, useLease: true, ct);

    /// <summary>For tests: a run that does not take the lease, to show the reminder key alone prevents duplicates.</summary>
    internal Task<ReminderRunResult> RunWithoutLeaseAsync(DateTimeOffset now, CancellationToken ct = default) => RunAsync(now, useLease: false, ct);

    private async Task<ReminderRunResult> RunAsync(DateTimeOffset now, bool useLease, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = DatabaseSetup.ActAsSystem(services, "提醒任务");
        var catalog = services.GetRequiredService<ObligationCatalog>();
        var calendars = services.GetRequiredService<CalendarService>();
        var tree = await services.GetRequiredService<JurisdictionTreeCache>().GetAsync(ct);
        var today = ChinaDate.At(now);
        var utcNow = now.ToUniversalTime();

        await db.Database.ExecuteSqlAsync($"INSERT INTO job_leases (name, last_sent) VALUES ({LeaseName}, 0) ON CONFLICT DO NOTHING", ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (useLease)
            {
                var leased = await db.Database
                    .SqlQuery<string>($"SELECT name AS \"Value\" FROM job_leases WHERE name = {LeaseName} FOR UPDATE SKIP LOCKED")
                    .ToListAsync(ct);
                if (leased.Count == 0)
                {
                    await tx.RollbackAsync(ct);
                    return new ReminderRunResult(false, 0, 0);
                }
            }

            var settings = await calendars.SettingsAsync(ct);
            var addressed = await catalog.DeriveAsync(today, ct);
            var sent = (await db.Set<SentReminder>().AsNoTracking().ToListAsync(ct))
                .Select(s => new ReminderKey(s.ObligationKey, s.DueDate, s.LeadDays)).ToHashSet();
            var due = ReminderSelector.SelectDue(addressed.Where(a => a.FiledOn is null).Select(a => a.Obligation), settings.ReminderLeadDays, sent, today)
                .OrderBy(r => r.Obligation.Key, StringComparer.Ordinal).ToList();
            var users = await db.Set<UserAccount>().AsNoTracking().Where(u => u.IsActive)
                .Select(u => new { u.Id, u.Role, u.JurisdictionCode, u.OrganizationId }).ToListAsync(ct);

            var reminders = 0;
            var notifications = 0;
            foreach (var reminder in due)
            {
                var mine = false;
                foreach (var key in reminder.KeysToRecord.OrderBy(k => k.LeadDays))
                {
                    var inserted = await db.Database.ExecuteSqlAsync(
                        $"INSERT INTO sent_reminders (obligation_key, due_date, lead_days, sent_at) VALUES ({key.ObligationKey}, {key.DueDate}, {key.LeadDays}, {utcNow}) ON CONFLICT DO NOTHING", ct);
                    if (key == reminder.Key) mine = inserted == 1;
                }
                if (!mine) continue;
                reminders++;
                var o = reminder.Obligation;
                var audiences = addressed.Where(a => a.Obligation.Key == o.Key).Select(a => a.Audience).ToList();
                foreach (var user in users.Where(u => audiences.Any(a => a.Includes(u.Role, u.JurisdictionCode, u.OrganizationId, tree))))
                {
                    db.Add(new Notification
                    {
                        UserId = user.Id,
                        Title = Cap(reminder.Text, 300),
                        Body = Cap($"{o.Title}。{o.DueText}。依据：{o.Citation}。" +
                            (o.IsProvisional ? $"{ObligationsPanelQuery.UncoveredYear(await calendars.GetAsync(ct), o)}年节假日安排尚未录入，日期为暂定。" : ""), 2000),
                        ObligationKey = o.Key,
                        CreatedAt = utcNow,
                    });
                    notifications++;
                }
            }
            var reviewReminders = await Reviews.ReviewReminders.AddDueAsync(db, today, utcNow, ct);
            reminders += reviewReminders;
            notifications += reviewReminders;
            await db.Database.ExecuteSqlAsync(
                $"UPDATE job_leases SET holder = {Holder}, last_run_at = {utcNow}, last_sent = {reminders} WHERE name = {LeaseName}", ct);
            db.Actor.Operation = "提醒.发送";
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new ReminderRunResult(true, reminders, notifications);
        });
    }

    private static string Cap(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
