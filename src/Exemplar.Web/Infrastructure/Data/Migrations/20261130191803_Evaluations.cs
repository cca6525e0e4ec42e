using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Evaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evaluation_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    policy_version = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    jurisdiction_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    panel_size = table.Column<int>(type: "integer", nullable: false),
                    reserve_count = table.Column<int>(type: "integer", nullable: false),
                    exclude_same_county = table.Column<bool>(type: "boolean", nullable: false),
                    scoring_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    rubric_json = table.Column<string>(type: "jsonb", nullable: false),
                    cutoffs_json = table.Column<string>(type: "jsonb", nullable: false),
                    star_scale_json = table.Column<string>(type: "jsonb", nullable: false),
                    tiers_json = table.Column<string>(type: "jsonb", nullable: false),
                    seed = table.Column<long>(type: "bigint", nullable: true),
                    draw_json = table.Column<string>(type: "text", nullable: true),
                    draw_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    witnesses = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    scoring_opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    scoring_opened_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_rounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "recommendation_candidates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    designation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recommendation_candidates", x => x.id);
                    table.ForeignKey(
                        name: "fk_recommendation_candidates_designations_designation_id",
                        column: x => x.designation_id,
                        principalTable: "designations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_subjects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    designation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participates = table.Column<bool>(type: "boolean", nullable: false),
                    score = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    proposed_grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ground_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    citation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    override_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    stars = table.Column<int>(type: "integer", nullable: true),
                    tier_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    tier_amount_wan = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirmed_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_subjects", x => x.id);
                    table.ForeignKey(
                        name: "fk_evaluation_subjects_designations_designation_id",
                        column: x => x.designation_id,
                        principalTable: "designations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evaluation_subjects_evaluation_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "evaluation_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    called_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    declared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    conflict_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    marks_json = table.Column<string>(type: "jsonb", nullable: true),
                    total = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    opinion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_evaluation_assignments_evaluation_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "evaluation_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_evaluation_assignments_evaluation_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "evaluation_subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_evaluation_assignments_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_assignments_expert_id",
                table: "evaluation_assignments",
                column: "expert_id");

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_assignments_round_id",
                table: "evaluation_assignments",
                column: "round_id");

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_assignments_subject_id_expert_id",
                table: "evaluation_assignments",
                columns: new[] { "subject_id", "expert_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_rounds_programme_id_year_jurisdiction_code",
                table: "evaluation_rounds",
                columns: new[] { "programme_id", "year", "jurisdiction_code" });

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_subjects_designation_id",
                table: "evaluation_subjects",
                column: "designation_id");

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_subjects_round_id_designation_id",
                table: "evaluation_subjects",
                columns: new[] { "round_id", "designation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recommendation_candidates_designation_id_year",
                table: "recommendation_candidates",
                columns: new[] { "designation_id", "year" },
                unique: true);
            // A confirmed star rating shows in the registry: evict its cached pages (RegistryChangeListener).
            migrationBuilder.Sql("CREATE TRIGGER evaluation_subjects_registry AFTER UPDATE ON evaluation_subjects FOR EACH STATEMENT EXECUTE FUNCTION registry_touch();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS evaluation_subjects_registry ON evaluation_subjects;");
            migrationBuilder.DropTable(
                name: "evaluation_assignments");

            migrationBuilder.DropTable(
                name: "recommendation_candidates");

            migrationBuilder.DropTable(
                name: "evaluation_subjects");

            migrationBuilder.DropTable(
                name: "evaluation_rounds");
        }
    }
}
