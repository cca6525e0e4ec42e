using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnnualSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annual_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    jurisdiction_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    programme_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    checks_json = table.Column<string>(type: "jsonb", nullable: false),
                    narrative = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    work_plan = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    totals_json = table.Column<string>(type: "jsonb", nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    submit_to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    citation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    days_late = table.Column<int>(type: "integer", nullable: true),
                    submitted_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_annual_reports_jurisdictions_jurisdiction_code",
                        column: x => x.jurisdiction_code,
                        principalTable: "jurisdictions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "annual_summaries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    designation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    narrative = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    work_plan = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    figures_json = table.Column<string>(type: "jsonb", nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    submit_to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    citation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    days_late = table.Column<int>(type: "integer", nullable: true),
                    submitted_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_summaries", x => x.id);
                    table.ForeignKey(
                        name: "fk_annual_summaries_carriers_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_annual_summaries_designations_designation_id",
                        column: x => x.designation_id,
                        principalTable: "designations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_annual_reports_jurisdiction_code_programme_id_year",
                table: "annual_reports",
                columns: new[] { "jurisdiction_code", "programme_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_annual_summaries_carrier_id",
                table: "annual_summaries",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_annual_summaries_designation_id_year_number",
                table: "annual_summaries",
                columns: new[] { "designation_id", "year", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_annual_summaries_one_draft",
                table: "annual_summaries",
                columns: new[] { "designation_id", "year" },
                unique: true,
                filter: "status = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "annual_reports");

            migrationBuilder.DropTable(
                name: "annual_summaries");
        }
    }
}
