using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LedgerAggregateIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_carrier_id_date",
                table: "ledger_entries");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_carrier_id_date",
                table: "ledger_entries",
                columns: new[] { "carrier_id", "date" })
                .Annotation("Npgsql:IndexInclude", new[] { "function", "form", "topic", "fee", "person_count", "resident_ids", "other_names" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_carrier_id_date",
                table: "ledger_entries");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_carrier_id_date",
                table: "ledger_entries",
                columns: new[] { "carrier_id", "date" });
        }
    }
}
