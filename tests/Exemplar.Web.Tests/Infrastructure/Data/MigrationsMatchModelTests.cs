using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Exemplar.Web.Tests.Infrastructure.Data;

/// <summary>
/// The migrated schema is exactly what the EF model would create (same tables, columns, types, nullability, indexes
/// and foreign keys): a model change without its migration, or a migration edited by hand, fails here.
/// </summary>
public sealed class MigrationsMatchModelTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private const string ColumnsSql = """
        SELECT table_name || '.' || column_name || ' ' || data_type
            || coalesce('(' || character_maximum_length || ')', '') || ' ' || is_nullable
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
        ORDER BY 1
        """;

    private const string IndexesSql = """
        SELECT tablename || ' ' || regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \S+ ON public\.\S+ ', '\1')
        FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
        ORDER BY 1
        """;

    private const string ForeignKeysSql = """
        SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE contype IN ('f', 'p', 'u') AND connamespace = 'public'::regnamespace
            AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
        ORDER BY 1
        """;

    [Fact]
    public async Task The_migrated_schema_equals_the_schema_ef_core_creates_from_the_model()
    {
        using var _ = app.CreateClient(); // the app has migrated its database at start-up
        var fromModel = await TestDatabase.CreateEmptyAsync("model");
        try
        {
            using (var scope = app.Services.CreateScope())
            {
                var options = new DbContextOptionsBuilder<ExemplarDbContext>().UseNpgsql(fromModel).Options;
                await using var db = new ExemplarDbContext(options, new Exemplar.Web.Infrastructure.Auditing.SystemAuditActor(), TimeProvider.System);
                await db.Database.EnsureCreatedAsync();
            }
            foreach (var sql in new[] { ColumnsSql, IndexesSql, ForeignKeysSql })
            {
                var migrated = await ReadAsync(app.ConnectionString, sql);
                var modelled = await ReadAsync(fromModel, sql);
                // Tables that exist only in migrations (audit chain head) are extra by design.
                var missing = modelled.Except(migrated).ToList();
                // Kept by SQL alone: the audit chain's head row and the registry read model (view and table, filled by triggers).
                string[] sqlOnly = ["audit_chain_head", "registry_candidates", "registry_entries"];
                // A deferred key EF Core cannot model: a file's record commits only with its bytes (StagedContent).
                string[] sqlOnlyConstraints = ["stored_files FOREIGN KEY (id) REFERENCES stored_file_contents(file_id) DEFERRABLE INITIALLY DEFERRED"];
                var extra = migrated.Except(modelled)
                    .Where(l => !sqlOnly.Any(t => l.StartsWith(t, StringComparison.Ordinal)) && !sqlOnlyConstraints.Contains(l)).ToList();
                Assert.True(missing.Count == 0 && extra.Count == 0,
                    $"Schema differs from the model.\nIn the model but not migrated:\n{string.Join("\n", missing)}\nMigrated but not in the model:\n{string.Join("\n", extra)}");
            }
        }
        finally
        {
            await TestDatabase.DropAsync(fromModel);
        }
    }

    [Fact]
    public async Task Every_migration_is_applied_and_start_up_is_idempotent()
    {
        using var _ = app.CreateClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var counts = await ReadAsync(app.ConnectionString, "SELECT (SELECT count(*) FROM jurisdictions) || '/' || (SELECT count(*) FROM user_accounts) || '/' || (SELECT count(*) FROM organizations)");
        // Start the app a second time on the same database: seeders must not add anything.
        await using (var second = new SecondStart(app.ConnectionString)) { using var c = second.CreateClient(); }
        Assert.Equal(counts, await ReadAsync(app.ConnectionString, "SELECT (SELECT count(*) FROM jurisdictions) || '/' || (SELECT count(*) FROM user_accounts) || '/' || (SELECT count(*) FROM organizations)"));
    }

    [Fact]
    public async Task A_database_built_by_the_old_sql_migrations_adopts_the_baseline_instead_of_running_it()
    {
        using var _ = app.CreateClient();
        // What a database migrated before the EF Core baseline looks like: the same schema, the old history row.
        await TestDatabase.ExecuteAsync($"""
            UPDATE "__EFMigrationsHistory" SET "MigrationId" = '{MigrationBaseline.LastSqlMigration}'
            WHERE "MigrationId" = '{MigrationBaseline.Baseline}'
            """, app.ConnectionString);
        await using (var second = new SecondStart(app.ConnectionString)) { using var c = second.CreateClient(); }
        var history = await ReadAsync(app.ConnectionString, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1");
        Assert.Contains(MigrationBaseline.Baseline, history);
        Assert.Contains(MigrationBaseline.LastSqlMigration, history);
    }

    [Fact]
    public async Task Large_binary_and_text_columns_are_compressed_with_lz4()
    {
        using var _ = app.CreateClient();
        var columns = await ReadAsync(app.ConnectionString, """
            SELECT attrelid::regclass || '.' || attname || ' ' || attcompression::text FROM pg_attribute
            WHERE (attrelid = 'application_versions'::regclass AND attname IN ('snapshot_json', 'locked_json', 'details_json', 'narratives_json'))
               OR (attrelid = 'stored_file_contents'::regclass AND attname = 'content')
            ORDER BY 1
            """);
        Assert.Equal([
            "application_versions.details_json l", "application_versions.locked_json l", "application_versions.narratives_json l",
            "application_versions.snapshot_json l", "stored_file_contents.content l"], columns);
    }

    private static async Task<List<string>> ReadAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private sealed class SecondStart(string connectionString) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Exemplar:SeedDemoData", "true");
        }
    }
}
