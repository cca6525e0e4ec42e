using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// An application version's large texts (the locked report data and the submitted package: 40–170 KB each) are
    /// compressed with lz4 instead of PostgreSQL's default pglz: the package's write was the costliest statement of a
    /// submission (mean 0.96 ms in the deadline-rush bench), and the locked report is read back at every submission
    /// check. New values only; existing rows keep their compression until rewritten. No model change.
    /// </summary>
    [DbContext(typeof(ExemplarDbContext))]
    [Migration("20261201100000_VersionTextsLz4")]
    public partial class VersionTextsLz4 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE application_versions
                    ALTER COLUMN snapshot_json SET COMPRESSION lz4,
                    ALTER COLUMN locked_json SET COMPRESSION lz4,
                    ALTER COLUMN details_json SET COMPRESSION lz4,
                    ALTER COLUMN narratives_json SET COMPRESSION lz4;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE application_versions
                    ALTER COLUMN snapshot_json SET COMPRESSION default,
                    ALTER COLUMN locked_json SET COMPRESSION default,
                    ALTER COLUMN details_json SET COMPRESSION default,
                    ALTER COLUMN narratives_json SET COMPRESSION default;
                """);
        }
    }
}
