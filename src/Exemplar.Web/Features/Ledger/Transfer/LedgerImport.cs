using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>
/// The ledger import at volume. Rows are read one at a time from the upload (no whole file in memory),
/// checked, and streamed with PostgreSQL binary COPY into a temporary staging table; when the file ends
/// without errors one INSERT … SELECT moves them into <c>ledger_entries</c> (participations — the arrays of
/// resident ids and other names — included), one audit row is written and the job is marked done, all in
/// one transaction. Any error, a cancelled request or a killed process leaves nothing behind: the staging
/// table is dropped with the transaction and the real table was never touched.
/// <para>
/// Audit decision: one audit row per import (operation 台账.批量导入, after = file name, SHA-256, row counts),
/// not one per row. A million per-row rows would double the write and serialise on the audit chain's lock for
/// no extra information: an import only adds rows, every row it wrote carries the job's id in
/// <c>ledger_entries.import_job_id</c>, and the hash identifies the exact file. Later edits of those rows are
/// audited one by one as usual.
/// </para>
/// </summary>
internal sealed class LedgerImport(ImportContext x)
{
    public const string Operation = "台账.批量导入";

    /// <summary>Rows between two looks at the clock for a progress write.</summary>
    public const int ProgressCheckEvery = 1_000;

    private const string Columns =
        "id, carrier_id, function, date, place, form, topic, resident_ids, other_names, person_count, fee, partner_agency_id, request_text, outcome_text, feedback, import_job_id";

    public async Task RunAsync(CancellationToken ct)
    {
        var db = x.Db;
        var carrierId = x.Carrier.Id;
        var residents = await db.Set<ResidentEnterprise>().AsNoTracking().Where(r => r.CarrierId == carrierId)
            .Select(r => new ImportResident(r.Id, r.Name, r.Uscc, r.EntryDate, r.ExitDate)).ToListAsync(ct);
        var partners = await db.Set<PartnerAgency>().AsNoTracking().Where(p => p.CarrierId == carrierId)
            .Select(p => new ImportPartner(p.Id, p.Name)).ToListAsync(ct);
        var rows = new ImportLedgerRows(x.Map, residents, partners, Infrastructure.ChinaTime.Today(x.Clock), x.Carrier.EstablishedOn);

        await using var conn = new NpgsqlConnection(x.ConnectionString);
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await ExecuteAsync(conn, tx, "CREATE TEMP TABLE ledger_import_staging (LIKE ledger_entries) ON COMMIT DROP", ct);

        long dataRows = 0;
        var cells = new List<string>();
        await using (var copy = await conn.BeginBinaryImportAsync($"COPY ledger_import_staging ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            while (await x.Source.TryReadAsync(cells, ct))
            {
                if (ColumnMap.IsBlank(cells)) continue;
                dataRows++;
                x.NoteFormulas();
                var values = rows.Read(x.Source.Row, cells, x.Issues);
                // After the first error nothing more is staged (it would be thrown away), but every row is still checked for the report.
                if (values is not null && !x.Issues.HasErrors) await WriteAsync(copy, values, carrierId, x.Job.Id, ct);
                if (dataRows % ProgressCheckEvery == 0) await x.Progress.ReportAsync(dataRows, x.Upload.BytesRead, ct);
            }
            if (dataRows == 0) throw new ImportRefusedException("文件中只有列名，没有数据行，未导入任何内容。");
            x.Job.ProcessedRows = dataRows;
        x.Job.TotalRows = dataRows;
            if (x.Issues.HasErrors)
            {
                // Leaving the block without Complete cancels the COPY; disposing the transaction rolls back.
                ImportHandler.Complete(x.Job, ImportStatus.Rejected,
                    $"共 {dataRows} 行，其中有错误 {x.Issues.Errors} 处，未导入任何内容。请按下表修改后重新上传整个文件。", x.Issues, x.Upload, x.Clock.GetUtcNow());
                await ImportJobWriter.FinishAsync(await x.Progress.ConnectionAsync(ct), null, x.Job, ct);
                return;
            }
            await copy.CompleteAsync(ct);
        }

        var imported = await ExecuteAsync(conn, tx, $"INSERT INTO ledger_entries ({Columns}) SELECT {Columns} FROM ledger_import_staging", ct);
        x.Job.ImportedRows = imported;
        x.Job.Sha256 = x.Upload.Sha256();
        var summary = $"共 {dataRows} 行，已导入台账记录 {imported} 条" + (x.Issues.Warnings > 0 ? $"；警告 {x.Issues.Warnings} 处（已导入，请核实）" : "") + "。";
        ImportHandler.Complete(x.Job, ImportStatus.Succeeded, summary, x.Issues, x.Upload, x.Clock.GetUtcNow());
        await AuditAsync(conn, tx, summary, ct);
        await ImportJobWriter.FinishAsync(conn, tx, x.Job, ct);
        // Once every row is in, the commit is not abandoned half-way by a late cancellation.
        await tx.CommitAsync(CancellationToken.None);
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, LedgerRowValues v, Guid carrierId, Guid jobId, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(carrierId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync((int)v.Function, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(v.Date, NpgsqlDbType.Date, ct);
        await copy.WriteAsync(v.Place, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync((int)v.Form, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync((int)v.Topic, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(v.ResidentIds as Guid[] ?? [.. v.ResidentIds], NpgsqlDbType.Array | NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(v.OtherNames as string[] ?? [.. v.OtherNames], NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await copy.WriteAsync(v.PersonCount, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync((int)v.Fee, NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(copy, v.PartnerAgencyId, NpgsqlDbType.Uuid, ct);
        await WriteNullableAsync(copy, v.RequestText, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(copy, v.OutcomeText, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(copy, v.Feedback, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(jobId, NpgsqlDbType.Uuid, ct);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, type, ct);
    }

    private async Task AuditAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string summary, CancellationToken ct)
    {
        var actor = x.Db.Actor;
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO audit_entries (occurred_at, actor_id, actor_name, operation, action, entity_type, entity_id, jurisdiction_code, before, after, ip_address)
            VALUES ($1, $2, $3, $4, 'Added', 'ImportJob', $5, $6, NULL, $7::jsonb, $8)
            """, conn, tx);
        foreach (var v in new object?[] { x.Clock.GetUtcNow(), actor.UserId, actor.Name, Operation, x.Job.Id.ToString(), x.Carrier.JurisdictionCode, x.AuditAfter(summary), actor.IpAddress })
            cmd.Parameters.Add(new() { Value = v ?? DBNull.Value });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
