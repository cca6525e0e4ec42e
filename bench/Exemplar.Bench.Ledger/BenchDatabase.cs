using Exemplar.Web.Features;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Exemplar.Bench.Ledger;

/// <summary>A database of its own for the benchmark, migrated and seeded by the product itself.</summary>
public sealed class BenchDatabase
{
    public required string ConnectionString { get; init; }
    public required NpgsqlConnectionStringBuilder Server { get; init; }

    /// <summary>ConnectionStrings__Default, else the checkout's private cluster (.data/pg.password and .data/pg.port).</summary>
    public static NpgsqlConnectionStringBuilder ServerConnection()
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Default");
        if (!string.IsNullOrWhiteSpace(configured)) return new NpgsqlConnectionStringBuilder(configured);
        var root = RepositoryRoot();
        var password = File.ReadAllText(Path.Combine(root, ".data", "pg.password")).Trim();
        var portFile = Path.Combine(root, ".data", "pg.port");
        var port = File.Exists(portFile) ? int.Parse(File.ReadAllText(portFile).Trim(), System.Globalization.CultureInfo.InvariantCulture) : 55432;
        return new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "exemplar", Password = password, Database = "postgres" };
    }

    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Exemplar.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Repository root (Exemplar.slnx) not found; set ConnectionStrings__Default.");
    }

    /// <summary>Opens (and with <paramref name="fresh"/> first drops) the database <paramref name="name"/>, migrated and seeded.</summary>
    public static async Task<BenchDatabase> OpenAsync(string name, bool fresh)
    {
        var server = ServerConnection();
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            var exists = await new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", admin).ExecuteScalarAsync() is not null;
            if (exists && fresh) await new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
            if (!exists || fresh) await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin).ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, CommandTimeout = 0, Pooling = true }.ConnectionString;
        await using (var app = BuildApp(cs)) await app.PrepareDatabaseAsync();
        return new BenchDatabase { ConnectionString = cs, Server = new NpgsqlConnectionStringBuilder(cs) };
    }

    /// <summary>The product's services (not its HTTP server) over the benchmark database; audit rows name "基准测试".</summary>
    public static Microsoft.AspNetCore.Builder.WebApplication BuildApp(string connectionString)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Configuration["ConnectionStrings:Default"] = connectionString;
        builder.Configuration["Exemplar:SeedDemoData"] = "true";
        builder.Configuration["Exemplar:Ledger:MaxImportBytes"] = (1L << 31).ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Logging.ClearProviders();
        builder.AddExemplarDatabase();
        builder.AddExemplarSecurity();
        builder.AddExemplarWeb();
        builder.AddExemplarFiles();
        builder.AddExemplarFeatures();
        builder.Services.RemoveAll<IAuditActor>();
        builder.Services.AddScoped<IAuditActor>(_ => new SystemAuditActor("基准测试"));
        return builder.Build();
    }

    public async Task<NpgsqlConnection> ConnectAsync()
    {
        var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync();
        return c;
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var c = await ConnectAsync();
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        return await cmd.ExecuteScalarAsync();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var c = await ConnectAsync();
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}
