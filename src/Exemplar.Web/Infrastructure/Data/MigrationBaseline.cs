using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exemplar.Web.Infrastructure.Data;

/// <summary>
/// Until 2026-11-30 the schema was built by hand-written SQL migrations (Foundation … Surveys). The EF Core baseline
/// creates exactly that schema, so a database that already ran the last of them is recorded as having the baseline
/// instead of running it again.
/// </summary>
internal static class MigrationBaseline
{
    public const string LastSqlMigration = "20261121050000_Surveys";
    public const string Baseline = "20261130093237_Baseline";

    public static async Task AdoptAsync(DbContext db)
    {
        // Creating the history table first also keeps EF Core from logging its failed look-up of the table as an
        // error on a first start.
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript());
        await db.Database.ExecuteSqlRawAsync($"""
        DO $$
        BEGIN
            -- Nested so the history table is only named once it is known to exist.
            IF to_regclass('"__EFMigrationsHistory"') IS NOT NULL THEN
                IF EXISTS (SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '{LastSqlMigration}')
                   AND NOT EXISTS (SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '{Baseline}') THEN
                    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('{Baseline}', '10.0.15');
                END IF;
            END IF;
        END
        $$;
        """);
    }
}
