using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Recommendations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "application_id",
                table: "survey_samples",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "recommendations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    application_version = table.Column<int>(type: "integer", nullable: false),
                    materials_json = table.Column<string>(type: "jsonb", nullable: false),
                    notes_json = table.Column<string>(type: "jsonb", nullable: false),
                    audit_date = table.Column<DateOnly>(type: "date", nullable: true),
                    audit_inspectors = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    audit_findings = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true),
                    audit_photo_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    sample_id = table.Column<Guid>(type: "uuid", nullable: true),
                    opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recommend = table.Column<bool>(type: "boolean", nullable: true),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    signed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    signed_json = table.Column<string>(type: "text", nullable: true),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recommendations", x => x.id);
                    table.ForeignKey(
                        name: "fk_recommendations_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_recommendations_survey_samples_sample_id",
                        column: x => x.sample_id,
                        principalTable: "survey_samples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_survey_samples_application_id",
                table: "survey_samples",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_application_id_level",
                table: "recommendations",
                columns: new[] { "application_id", "level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_sample_id",
                table: "recommendations",
                column: "sample_id");

            migrationBuilder.AddForeignKey(
                name: "fk_survey_samples_applications_application_id",
                table: "survey_samples",
                column: "application_id",
                principalTable: "applications",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_survey_samples_applications_application_id",
                table: "survey_samples");

            migrationBuilder.DropTable(
                name: "recommendations");

            migrationBuilder.DropIndex(
                name: "ix_survey_samples_application_id",
                table: "survey_samples");

            migrationBuilder.DropColumn(
                name: "application_id",
                table: "survey_samples");
        }
    }
}
