using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Receipt numbers drawn in a statement of their own instead of inside the submission's transaction: in a deadline
    /// rush every first submission of a call queued for the call's counter row, which each held through its whole save and
    /// commit. <c>receipt_draw</c> reserves the call's next number for the application (or returns the one it already
    /// has) and commits at once; the submission then saves with it. Numbers of applications already submitted are
    /// entered as their reservations.
    /// </summary>
    public partial class ReceiptReservations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "receipt_reservations",
                columns: table => new
                {
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reserved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receipt_reservations", x => new { x.call_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_receipt_reservations_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_receipt_reservations_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_receipt_reservations_application_id",
                table: "receipt_reservations",
                column: "application_id",
                unique: true);

            migrationBuilder.Sql(""""
                INSERT INTO receipt_reservations (call_id, sequence, application_id, reserved_at)
                SELECT call_id, substring(receipt_number FROM '-([0-9]+)$')::integer, id, coalesce(first_submitted_at, now())
                FROM applications WHERE receipt_number IS NOT NULL;

                CREATE FUNCTION receipt_draw(p_call uuid, p_application uuid, p_at timestamptz) RETURNS integer
                LANGUAGE plpgsql AS $$
                DECLARE
                    drawn integer;
                BEGIN
                    -- Called alone, outside any other work. Its commit need not wait for the log's flush: a submission that
                    -- commits flushes the log past this draw's record, and a draw lost in a crash belonged to a submission
                    -- that was lost with it, so the number is drawn again.
                    PERFORM set_config('synchronous_commit', 'off', true);
                    SELECT sequence INTO drawn FROM receipt_reservations WHERE application_id = p_application;
                    IF FOUND THEN
                        RETURN drawn;
                    END IF;
                    UPDATE calls SET receipts_issued = receipts_issued + 1 WHERE id = p_call RETURNING receipts_issued INTO drawn;
                    IF NOT FOUND THEN
                        RAISE EXCEPTION 'call % not found', p_call;
                    END IF;
                    INSERT INTO receipt_reservations (call_id, sequence, application_id, reserved_at)
                    VALUES (p_call, drawn, p_application, p_at) ON CONFLICT (application_id) DO NOTHING;
                    IF FOUND THEN
                        RETURN drawn;
                    END IF;
                    -- A draw for the same application committed while this one waited for the call's row: the number
                    -- goes back, and the application keeps the one it was given.
                    UPDATE calls SET receipts_issued = receipts_issued - 1 WHERE id = p_call;
                    SELECT sequence INTO drawn FROM receipt_reservations WHERE application_id = p_application;
                    RETURN drawn;
                END
                $$;
                """");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("Exemplar migrations are forward-only; restore from a backup to go back.");
    }
}
