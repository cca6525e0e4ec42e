using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Notifications;

public sealed class OutboxOptions
{
    public bool Enabled { get; set; } = true;
    public int IntervalSeconds { get; set; } = 30;
    public int BatchSize { get; set; } = 50;
    public int MaxAttempts { get; set; } = 6;
}

public sealed record OutboxRunResult(int Sent, int Failed);

/// <summary>
/// Sends queued mail and SMS. Each batch is leased row by row (FOR UPDATE SKIP LOCKED), so several instances never send
/// the same message; a failure is retried later with a growing wait, up to <see cref="OutboxOptions.MaxAttempts"/>.
/// A message is marked sent (and its notice delivered) when the server or gateway accepts it.
/// </summary>
public sealed class OutboxJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxJob> log) : BackgroundService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(o.IntervalSeconds), clock, stoppingToken);
                try
                {
                    var r = await RunOnceAsync(stoppingToken);
                    if (r.Sent + r.Failed > 0) log.LogInformation("发送任务：成功{Sent}条，失败{Failed}条", r.Sent, r.Failed);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "发送任务运行失败，将在下个周期重试");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task<OutboxRunResult> RunOnceAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = DatabaseSetup.ActAsSystem(services, "发送任务");
        var mail = services.GetRequiredService<IEmailSender>();
        var sms = services.GetRequiredService<ISmsGateway>();
        var o = options.Value;
        var now = clock.GetUtcNow();
        int[] channels = [.. mail.Configured ? [(int)MessageChannel.Email] : Array.Empty<int>(), .. sms.Configured ? [(int)MessageChannel.Sms] : Array.Empty<int>()];
        if (channels.Length == 0) return new OutboxRunResult(0, 0);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var batch = await db.Set<OutboundMessage>().FromSql($"""
                SELECT * FROM outbound_messages
                WHERE sent_at IS NULL AND next_attempt_at <= {now} AND attempts < {o.MaxAttempts} AND channel = ANY({channels})
                ORDER BY created_at LIMIT {o.BatchSize} FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            int sent = 0, failed = 0;
            foreach (var m in batch)
            {
                try
                {
                    if (m.Channel == MessageChannel.Email) await mail.SendAsync(m.Recipient, m.Subject, m.Body, ct);
                    else await sms.SendAsync(m.Recipient, m.Body, ct);
                    var at = clock.GetUtcNow();
                    m.SentAt = at;
                    m.Attempts++;
                    if (m.NoticeId is { } nid && await db.Set<Notice>().FirstOrDefaultAsync(n => n.Id == nid && n.DeliveredAt == null, ct) is { } notice)
                    {
                        notice.DeliveredAt = at;
                        notice.DeliveredVia = NoticeDelivery.Via(m.Channel);
                    }
                    sent++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    m.Attempts++;
                    m.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                    m.NextAttemptAt = clock.GetUtcNow() + Backoff[Math.Min(m.Attempts - 1, Backoff.Length - 1)];
                    failed++;
                }
            }
            db.Actor.Operation = "通知.外部发送";
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new OutboxRunResult(sent, failed);
        });
    }
}
