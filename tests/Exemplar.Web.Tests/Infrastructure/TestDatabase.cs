using Npgsql;

namespace Exemplar.Web.Tests.Infrastructure;

/// <summary>
/// Real PostgreSQL for tests. The first use builds a template database (migrations + seeders, named by a
/// hash of the migration scripts); every test class then gets its own copy with CREATE DATABASE … TEMPLATE,
/// which takes a fraction of a second.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    /// <summary>Connection string of the server (from ConnectionStrings__Default, else the checkout's private cluster).</summary>
    public static string ServerConnectionString()
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Default");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var root = RepositoryRoot();
        var password = File.ReadAllText(Path.Combine(root, ".data", "pg.password")).Trim();
        var portFile = Path.Combine(root, ".data", "pg.port");
        var port = Environment.GetEnvironmentVariable("EXEMPLAR_PG_PORT")
            ?? (File.Exists(portFile) ? File.ReadAllText(portFile).Trim() : "55432");
        return $"Host=127.0.0.1;Port={port};Username=exemplar;Password={password};Database=postgres";
    }

    public static string ForDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name, Pooling = true }.ConnectionString;

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Exemplar.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Repository root (Exemplar.slnx) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The workplace's shared/ folder (seeds, reference data): the nearest one above the checkout.</summary>
    public static string SharedFolder()
    {
        for (var dir = new DirectoryInfo(RepositoryRoot()); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "reference"))) return Path.Combine(dir.FullName, "shared");
        throw new InvalidOperationException("shared/reference not found above " + RepositoryRoot());
    }

    /// <summary>Creates an empty database copied from the migrated, seeded template.</summary>
    public static async Task<string> CreateAsync(string purpose, Func<string, Task> buildTemplate)
    {
        var template = await TemplateAsync(buildTemplate);
        var name = $"t_{Sanitize(purpose)}_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ForDatabase(name);
    }

    /// <summary>An empty database (no migrations), e.g. to compare with what the model creates.</summary>
    public static async Task<string> CreateEmptyAsync(string purpose)
    {
        var name = $"t_{Sanitize(purpose)}_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return ForDatabase(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> TemplateAsync(Func<string, Task> buildTemplate)
    {
        if (_template is not null) return _template;
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            var name = $"tpl_{CheckoutId()}_{MigrationsHash()}";
            await using var conn = new NpgsqlConnection(ForDatabase("postgres"));
            await conn.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
            exists.Parameters.AddWithValue("n", name);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await DropStaleTemplatesAsync(conn, name);
                var building = name + "_building";
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
                await ExecuteAsync($"CREATE DATABASE \"{building}\"");
                await buildTemplate(ForDatabase(building));
                NpgsqlConnection.ClearAllPools();
                // Rename only when complete, so an interrupted build is never used as a template.
                await ExecuteAsync($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
            }
            return _template = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>
    /// The web assembly's MVID: deterministic builds give the same id for the same sources, so the template
    /// is rebuilt exactly when migrations, seeders or the model change.
    /// </summary>
    private static string MigrationsHash() =>
        typeof(Program).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..16];

    /// <summary>Several checkouts may share one server: each only ever replaces its own templates.</summary>
    private static string CheckoutId() =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(RepositoryRoot())))[..8];

    private static async Task DropStaleTemplatesAsync(NpgsqlConnection conn, string keep)
    {
        var stale = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'tpl\\_%' OR datname LIKE 't\\_%'", conn))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stale.Add(reader.GetString(0));
        foreach (var db in stale.Where(d => d != keep && d.StartsWith($"tpl_{CheckoutId()}_", StringComparison.Ordinal)))
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)");
    }

    public static async Task ExecuteAsync(string sql, string? connectionString = null)
    {
        await using var conn = new NpgsqlConnection(connectionString ?? ForDatabase("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string Sanitize(string s) => new(s.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray());
}
