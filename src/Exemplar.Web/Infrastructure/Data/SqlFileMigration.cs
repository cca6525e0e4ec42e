using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exemplar.Web.Infrastructure.Data;

/// <summary>
/// A migration whose Up script is the embedded file Migrations/&lt;migration id&gt;.sql.
/// (The EF design-time package cannot be restored here, so migrations are authored as SQL;
/// <c>MigrationsMatchModelTests</c> proves the migrated schema equals the EF model.)
/// </summary>
public abstract class SqlFileMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var id = GetType().GetCustomAttribute<MigrationAttribute>()!.Id;
        var name = $"Exemplar.Web.Infrastructure.Data.Migrations.{id}.sql";
        using var stream = typeof(SqlFileMigration).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded migration script {name}");
        using var reader = new StreamReader(stream);
        migrationBuilder.Sql(reader.ReadToEnd());
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Exemplar migrations are forward-only; restore from backup to go back.");
}
