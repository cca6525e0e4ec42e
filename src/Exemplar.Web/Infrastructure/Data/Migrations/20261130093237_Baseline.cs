using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    operation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    jurisdiction_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    before = table.Column<string>(type: "jsonb", nullable: true),
                    after = table.Column<string>(type: "jsonb", nullable: true),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    policy_lapse_lead_days = table.Column<int>(type: "integer", nullable: false),
                    reminder_lead_days = table.Column<int[]>(type: "integer[]", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "holiday_notices",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    notice_json = table.Column<string>(type: "jsonb", nullable: false),
                    entered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_built_in = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_holiday_notices", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "job_leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    last_run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_sent = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_leases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "jurisdictions",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_built_in = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jurisdictions", x => x.code);
                    table.ForeignKey(
                        name: "fk_jurisdictions_jurisdictions_parent_code",
                        column: x => x.parent_code,
                        principalTable: "jurisdictions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_settings",
                columns: table => new
                {
                    policy_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    set_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_settings", x => x.policy_id);
                });

            migrationBuilder.CreateTable(
                name: "sent_reminders",
                columns: table => new
                {
                    obligation_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    lead_days = table.Column<int>(type: "integer", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sent_reminders", x => new { x.obligation_key, x.due_date, x.lead_days });
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    jurisdiction_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    contact_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organizations", x => x.id);
                    table.ForeignKey(
                        name: "fk_organizations_jurisdictions_jurisdiction_code",
                        column: x => x.jurisdiction_code,
                        principalTable: "jurisdictions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "carriers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    jurisdiction_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    leading_industries = table.Column<List<string>>(type: "text[]", nullable: false),
                    primary_type = table.Column<int>(type: "integer", nullable: false),
                    area = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    public_service_area = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    established_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carriers", x => x.id);
                    table.ForeignKey(
                        name: "fk_carriers_jurisdictions_jurisdiction_code",
                        column: x => x.jurisdiction_code,
                        principalTable: "jurisdictions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_carriers_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "demo_designations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    announced_on = table.Column<DateOnly>(type: "date", nullable: false),
                    change_completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    jurisdiction_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demo_designations", x => x.id);
                    table.ForeignKey(
                        name: "fk_demo_designations_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    password_hash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    jurisdiction_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    security_stamp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    password_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_sign_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_accounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_accounts_jurisdictions_jurisdiction_code",
                        column: x => x.jurisdiction_code,
                        principalTable: "jurisdictions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_user_accounts_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "import_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    processed_rows = table.Column<long>(type: "bigint", nullable: false),
                    imported_rows = table.Column<long>(type: "bigint", nullable: false),
                    errors = table.Column<string>(type: "text", nullable: true),
                    started_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    total_bytes = table.Column<long>(type: "bigint", nullable: true),
                    processed_bytes = table.Column<long>(type: "bigint", nullable: false),
                    total_rows = table.Column<long>(type: "bigint", nullable: true),
                    error_count = table.Column<long>(type: "bigint", nullable: false),
                    warning_count = table.Column<long>(type: "bigint", nullable: false),
                    notice_count = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    encoding = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_import_jobs_carriers_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partner_agencies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agreement_from = table.Column<DateOnly>(type: "date", nullable: false),
                    agreement_to = table.Column<DateOnly>(type: "date", nullable: true),
                    services = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_agencies", x => x.id);
                    table.ForeignKey(
                        name: "fk_partner_agencies_carriers_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resident_enterprises",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    entry_date = table.Column<DateOnly>(type: "date", nullable: false),
                    exit_date = table.Column<DateOnly>(type: "date", nullable: true),
                    industry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    in_leading_industry = table.Column<bool>(type: "boolean", nullable: false),
                    size_class = table.Column<int>(type: "integer", nullable: false),
                    contact_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resident_enterprises", x => x.id);
                    table.ForeignKey(
                        name: "fk_resident_enterprises_carriers_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_staff",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    full_time = table.Column<bool>(type: "boolean", nullable: false),
                    education = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<int>(type: "integer", nullable: false),
                    mentor_certificate = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    years_at_base = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_staff", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_staff_carriers_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_samples",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    share_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    seed = table.Column<long>(type: "bigint", nullable: false),
                    population_count = table.Column<int>(type: "integer", nullable: false),
                    population_date = table.Column<DateOnly>(type: "date", nullable: false),
                    population_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    member_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    drawn_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    drawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_samples", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_samples_carriers_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    obligation_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_user_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "user_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    function = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    form = table.Column<int>(type: "integer", nullable: false),
                    topic = table.Column<int>(type: "integer", nullable: false),
                    resident_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    other_names = table.Column<List<string>>(type: "text[]", nullable: false),
                    person_count = table.Column<int>(type: "integer", nullable: false),
                    fee = table.Column<int>(type: "integer", nullable: false),
                    partner_agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    request_text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    outcome_text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    feedback = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    import_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_ledger_entries_carriers_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ledger_entries_partner_agencies_partner_agency_id",
                        column: x => x.partner_agency_id,
                        principalTable: "partner_agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "resident_year_figures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    employees = table.Column<int>(type: "integer", nullable: false),
                    revenue_wan = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    patents_applied = table.Column<int>(type: "integer", nullable: false),
                    patents_held = table.Column<int>(type: "integer", nullable: false),
                    high_tech_recognitions = table.Column<int>(type: "integer", nullable: false),
                    tech_sme_recognitions = table.Column<int>(type: "integer", nullable: false),
                    other_outcomes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resident_year_figures", x => x.id);
                    table.ForeignKey(
                        name: "fk_resident_year_figures_resident_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "resident_enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_invitations_carriers_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_invitations_resident_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "resident_enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_sample_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sample_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    satisfied = table.Column<bool>(type: "boolean", nullable: false),
                    contact_method = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_sample_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_sample_answers_survey_samples_sample_id",
                        column: x => x.sample_id,
                        principalTable: "survey_samples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_ledger_attachments_ledger_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "ledger_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    function = table.Column<int>(type: "integer", nullable: true),
                    satisfied = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_answers_survey_invitations_invitation_id",
                        column: x => x.invitation_id,
                        principalTable: "survey_invitations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_attachment_contents",
                columns: table => new
                {
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_attachment_contents", x => x.attachment_id);
                    table.ForeignKey(
                        name: "fk_ledger_attachment_contents_ledger_attachments_attachment_id",
                        column: x => x.attachment_id,
                        principalTable: "ledger_attachments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_id",
                table: "audit_entries",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_type_entity_id",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_occurred_at",
                table: "audit_entries",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_jurisdiction_code",
                table: "carriers",
                column: "jurisdiction_code");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_organization_id",
                table: "carriers",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_demo_designations_organization_id",
                table: "demo_designations",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_carrier_id",
                table: "import_jobs",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_jurisdictions_parent_code",
                table: "jurisdictions",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_jurisdictions_path",
                table: "jurisdictions",
                column: "path");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_attachments_entry_id",
                table: "ledger_attachments",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_carrier_id_date",
                table: "ledger_entries",
                columns: new[] { "carrier_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_import_job_id",
                table: "ledger_entries",
                column: "import_job_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_partner_agency_id",
                table: "ledger_entries",
                column: "partner_agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_read_at",
                table: "notifications",
                columns: new[] { "user_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ix_organizations_jurisdiction_code",
                table: "organizations",
                column: "jurisdiction_code");

            migrationBuilder.CreateIndex(
                name: "ix_organizations_uscc",
                table: "organizations",
                column: "uscc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partner_agencies_carrier_id",
                table: "partner_agencies",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_resident_enterprises_carrier_id_uscc",
                table: "resident_enterprises",
                columns: new[] { "carrier_id", "uscc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_resident_year_figures_enterprise_id_year",
                table: "resident_year_figures",
                columns: new[] { "enterprise_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_staff_carrier_id",
                table: "service_staff",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_answers_invitation_id",
                table: "survey_answers",
                column: "invitation_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_carrier_id_year",
                table: "survey_invitations",
                columns: new[] { "carrier_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_enterprise_id_year",
                table: "survey_invitations",
                columns: new[] { "enterprise_id", "year" },
                unique: true,
                filter: "revoked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_token_hash",
                table: "survey_invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_survey_sample_answers_sample_id_enterprise_id",
                table: "survey_sample_answers",
                columns: new[] { "sample_id", "enterprise_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_survey_samples_carrier_id",
                table: "survey_samples",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_accounts_jurisdiction_code",
                table: "user_accounts",
                column: "jurisdiction_code");

            migrationBuilder.CreateIndex(
                name: "ix_user_accounts_organization_id",
                table: "user_accounts",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_accounts_user_name",
                table: "user_accounts",
                column: "user_name",
                unique: true);

            // The audit chain is enforced in the database, so every writer and every instance obeys it: one head row,
            // a BEFORE INSERT trigger that draws the id and hashes the row under the head's lock, and triggers that
            // refuse UPDATE, DELETE and TRUNCATE. audit_canonical must stay byte-for-byte equal to
            // AuditChainVerifier.Canonical.
            migrationBuilder.Sql("CREATE SEQUENCE audit_entries_id_seq;");
            migrationBuilder.Sql(""""
                -- The audit chain is enforced here, not in the app, so every writer and every instance obeys it.
                CREATE TABLE audit_chain_head (
                    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                    last_id bigint NOT NULL,
                    last_hash character varying(64) NOT NULL
                );
                INSERT INTO audit_chain_head (singleton, last_id, last_hash) VALUES (true, 0, repeat('0', 64));

                -- Must stay byte-for-byte equal to AuditChainVerifier.Canonical.
                CREATE FUNCTION audit_canonical(a audit_entries) RETURNS text LANGUAGE sql IMMUTABLE AS $$
                    SELECT a.id::text
                        || '|' || to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
                        || '|' || coalesce(a.actor_id::text, '')
                        || '|' || coalesce(a.actor_name, '')
                        || '|' || coalesce(a.operation, '')
                        || '|' || coalesce(a.action, '')
                        || '|' || coalesce(a.entity_type, '')
                        || '|' || coalesce(a.entity_id, '')
                        || '|' || coalesce(a.jurisdiction_code, '')
                        || '|' || coalesce(a.before::text, '')
                        || '|' || coalesce(a.after::text, '')
                        || '|' || coalesce(a.ip_address, '')
                        || '|' || a.previous_hash
                $$;

                CREATE FUNCTION audit_entries_chain() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    head audit_chain_head%ROWTYPE;
                BEGIN
                    -- One writer at a time; the id is drawn under the lock so id order is chain order.
                    SELECT * INTO head FROM audit_chain_head WHERE singleton FOR UPDATE;
                    NEW.id := nextval('audit_entries_id_seq');
                    NEW.occurred_at := date_trunc('microseconds', NEW.occurred_at);
                    NEW.previous_hash := head.last_hash;
                    NEW.hash := encode(sha256(convert_to(audit_canonical(NEW), 'UTF8')), 'hex');
                    UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash WHERE singleton;
                    RETURN NEW;
                END
                $$;

                CREATE TRIGGER audit_entries_chain BEFORE INSERT ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_chain();

                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '审计日志只允许追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
                END
                $$;

                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("Exemplar migrations are forward-only; restore from a backup to go back.");
    }
}
