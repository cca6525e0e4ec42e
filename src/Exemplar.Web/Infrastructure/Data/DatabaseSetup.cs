using Exemplar.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exemplar.Web.Infrastructure.Data;

public static class DatabaseSetup
{
    public static WebApplicationBuilder AddExemplarDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "未配置数据库连接：请设置 ConnectionStrings__Default，或用 scripts/start.sh 启动（会自动创建本地 PostgreSQL）。");
        builder.Services.AddDbContext<ExemplarDbContext>(o => o
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(3))
            // Migrations are hand-written SQL (no design-time package here), so there is no model snapshot;
            // MigrationsMatchModelTests guards the equivalence instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        builder.Services.AddScoped<IAuditActor, HttpAuditActor>();
        builder.Services.AddScoped<AuditChainVerifier>();
        builder.Services.AddHealthChecks()
            .AddCheck("live", () => HealthCheckResult.Healthy("运行中"), tags: ["live"])
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Applies pending migrations (under PostgreSQL's migration lock) and runs the start-up seeders.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var config = app.Configuration.GetSection("Exemplar");
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = ActAsSystem(services);
        if (config.GetValue("MigrateOnStart", true)) await db.Database.MigrateAsync();
        foreach (var seeder in services.GetServices<IStartupSeeder>().OrderBy(s => s.Order))
            await seeder.SeedAsync(db, app.Configuration, CancellationToken.None);
    }

    /// <summary>A context whose audit rows name the system, for start-up and background work.</summary>
    public static ExemplarDbContext ActAsSystem(IServiceProvider services, string name = "系统")
    {
        var options = services.GetRequiredService<DbContextOptions<ExemplarDbContext>>();
        return new ExemplarDbContext(options, new SystemAuditActor(name), services.GetRequiredService<TimeProvider>());
    }
}

/// <summary>Idempotent data set-up run at start-up, in <see cref="Order"/>.</summary>
public interface IStartupSeeder
{
    int Order { get; }
    Task SeedAsync(ExemplarDbContext db, IConfiguration configuration, CancellationToken ct);
}

internal sealed class DatabaseHealthCheck(ExemplarDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy("数据库连接正常")
                : HealthCheckResult.Unhealthy("无法连接数据库");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("无法连接数据库", ex);
        }
    }
}
