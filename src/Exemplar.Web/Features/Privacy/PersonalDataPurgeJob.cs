using System.Text.Json;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Privacy;

public sealed record PurgeRunResult(bool RanHere, IReadOnlyDictionary<string, int> Purged);

/// <summary>
/// PIPL 第十九条/第四十七条: personal information is kept no longer than needed. Once a day (by default) clears what
/// every <see cref="IPersonalDataPurge"/> says has expired, in one transaction under the <c>job_leases</c> row
/// "personal-data-purge" (FOR UPDATE SKIP LOCKED, as the reminder job), so only one instance runs it. Each cleared
/// record gets its audit row (operation 个人信息.到期清除; the trail holds only fingerprints of personal fields) and the run
/// one summary row with the counts.
/// </summary>
public sealed class PersonalDataPurgeJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<PersonalDataPurgeJob> log)
    : BackgroundService
{
    public const string LeaseName = "personal-data-purge";
    public const string Operation = "个人信息.到期清除";
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
                    if (result.Purged.Values.Sum() > 0)
                        log.LogInformation("个人信息到期清除：{Counts}", string.Join("，", result.Purged.Select(kv => $"{kv.Key} {kv.Value} 条")));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "个人信息到期清除失败，将在下个周期重试");
                }
                await Task.Delay(TimeSpan.FromMinutes(o.IntervalMinutes), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task<PurgeRunResult> RunOnceAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = DatabaseSetup.ActAsSystem(services, "个人信息清除任务");
        var purges = services.GetServices<IPersonalDataPurge>().ToList();
        var utcNow = now.ToUniversalTime();
        await db.Database.ExecuteSqlAsync($"INSERT INTO job_leases (name, last_sent) VALUES ({LeaseName}, 0) ON CONFLICT DO NOTHING", ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var leased = await db.Database
                .SqlQuery<string>($"SELECT name AS \"Value\" FROM job_leases WHERE name = {LeaseName} FOR UPDATE SKIP LOCKED").ToListAsync(ct);
            if (leased.Count == 0)
            {
                await tx.RollbackAsync(ct);
                return new PurgeRunResult(false, new Dictionary<string, int>());
            }
            var counts = new Dictionary<string, int>();
            foreach (var purge in purges) counts[purge.Name] = await purge.PurgeAsync(db, utcNow, options.Value, ct);
            db.Add(new AuditEntry
            {
                OccurredAt = utcNow, ActorName = db.Actor.Name, Operation = Operation, Action = "Purged", EntityType = "RetentionRun", EntityId = utcNow.ToString("O"),
                After = JsonSerializer.Serialize(counts, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            });
            await db.Database.ExecuteSqlAsync(
                $"UPDATE job_leases SET holder = {Holder}, last_run_at = {utcNow}, last_sent = {counts.Values.Sum()} WHERE name = {LeaseName}", ct);
            db.Actor.Operation = Operation;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new PurgeRunResult(true, counts);
        });
    }
}

public static class PrivacySetup
{
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection("Exemplar:Retention"))
            .Validate(o => o.IntervalMinutes is >= 1 and <= 7 * 24 * 60 && o.InitialDelaySeconds is >= 0 and <= 86400
                           && o.SurveyAnswerYears is >= 1 and <= 30 && o.ApplicationYears is >= 1 and <= 30 && o.ObjectionYears is >= 1 and <= 30
                           && o.ContestYears is >= 1 and <= 30 && o.RefusedRegistrationYears is >= 1 and <= 30 && o.EndedSessionDays is >= 30 and <= 3650,
                "Exemplar:Retention 配置无效：各类保存期限应在1至30年之间，已结束会话保存30至3650天，运行间隔1分钟至7天。")
            .ValidateOnStart();
        s.AddScoped<IPersonalDataPurge, SurveyCommentPurge>();
        s.AddScoped<IPersonalDataPurge, ContestPurge>();
        s.AddScoped<IPersonalDataPurge, RefusedRegistrationPurge>();
        s.AddScoped<IPersonalDataPurge, TechnicalRecordPurge>();
        s.AddSingleton<PersonalDataPurgeJob>();
        s.AddHostedService(sp => sp.GetRequiredService<PersonalDataPurgeJob>());
        return builder;
    }
}
