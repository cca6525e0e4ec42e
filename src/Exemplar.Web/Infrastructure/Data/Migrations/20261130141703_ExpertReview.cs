using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExpertReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "expert_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    panel_size = table.Column<int>(type: "integer", nullable: false),
                    reserve_count = table.Column<int>(type: "integer", nullable: false),
                    exclude_same_county = table.Column<bool>(type: "boolean", nullable: false),
                    scoring_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    seed = table.Column<long>(type: "bigint", nullable: true),
                    draw_json = table.Column<string>(type: "text", nullable: true),
                    draw_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    witnesses = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    drawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    drawn_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    shortlist_json = table.Column<string>(type: "jsonb", nullable: true),
                    shortlist_fixed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    shortlist_fixed_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expert_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_expert_reviews_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "experts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    specialties = table.Column<List<string>>(type: "text[]", nullable: false),
                    employer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    employer_uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    mobile = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    email = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experts", x => x.id);
                    table.ForeignKey(
                        name: "fk_experts_user_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "user_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "review_rubric_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    review_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    citation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    checklist = table.Column<List<string>>(type: "text[]", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    max_score = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    weight = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_rubric_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_rubric_items_expert_reviews_review_id",
                        column: x => x.review_id,
                        principalTable: "expert_reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    review_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_version = table.Column<int>(type: "integer", nullable: false),
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
                    table.PrimaryKey("pk_review_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_assignments_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_review_assignments_expert_reviews_review_id",
                        column: x => x.review_id,
                        principalTable: "expert_reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_review_assignments_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_expert_reviews_call_id",
                table: "expert_reviews",
                column: "call_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_experts_name_mobile",
                table: "experts",
                columns: new[] { "name", "mobile" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_experts_region_code",
                table: "experts",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_experts_user_id",
                table: "experts",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_assignments_application_id",
                table: "review_assignments",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_assignments_expert_id",
                table: "review_assignments",
                column: "expert_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_assignments_review_id_application_id_expert_id",
                table: "review_assignments",
                columns: new[] { "review_id", "application_id", "expert_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_rubric_items_review_id_key",
                table: "review_rubric_items",
                columns: new[] { "review_id", "key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "review_assignments");

            migrationBuilder.DropTable(
                name: "review_rubric_items");

            migrationBuilder.DropTable(
                name: "experts");

            migrationBuilder.DropTable(
                name: "expert_reviews");
        }
    }
}
