using System.Text.Encodings.Web;
using System.Text.Json;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>
/// An upload to import. <paramref name="JobId"/> comes from the upload form, so the progress page can be
/// polled while the upload is still running and a second submission of the same form shows the first result.
/// </summary>
public sealed record ImportCommand(Guid CarrierId, Guid JobId, string Kind, string FileName, long? DeclaredBytes, Stream Content);

/// <summary>
/// Imports resident enterprises or ledger entries from a CSV or XLSX upload, all or nothing: every row is
/// checked and reported (行, 列, 问题); when any row has an error nothing is saved. See
/// <see cref="LedgerImport"/> for the streaming COPY path and <see cref="EnterpriseImport"/> for enterprises.
/// </summary>
public sealed class ImportHandler(ExemplarDbContext db, IOptions<LedgerOptions> options, TimeProvider clock, ILogger<ImportHandler> log)
{
    /// <summary>Multipart framing and the small form fields around the file.</summary>
    public const long EnvelopeBytes = 64 * 1024;

    public async Task<ImportJob> HandleAsync(ImportCommand c, CancellationToken ct)
    {
        var existing = await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == c.JobId, ct);
        if (existing is not null && existing.CarrierId == c.CarrierId) return existing;
        var layout = ImportLayout.For(c.Kind) ?? throw new ArgumentException("unknown import kind", nameof(c));
        var carrier = await db.Set<Carrier>().AsNoTracking().FirstAsync(x => x.Id == c.CarrierId, ct);
        var now = clock.GetUtcNow();
        var job = new ImportJob
        {
            Id = existing is null ? c.JobId : Guid.CreateVersion7(), CarrierId = c.CarrierId, Kind = layout.Kind, FileName = EvidenceFiles.SafeName(c.FileName),
            Status = ImportStatus.Running, StartedBy = db.Actor.Name, StartedAt = now, UpdatedAt = now, TotalBytes = c.DeclaredBytes,
        };
        db.Add(job);
        await db.SaveChangesAsync(ct);
        db.Entry(job).State = EntityState.Detached;

        var o = options.Value;
        var issues = new ImportIssues();
        await using var upload = new UploadStream(c.Content, o.MaxImportBytes);
        await using var progress = new ImportProgress(DatabaseSetup.WithoutPreparation(db.Database.GetConnectionString()!), job.Id, clock);
        ImportSource? source = null;
        try
        {
            if (c.DeclaredBytes > o.MaxImportBytes + EnvelopeBytes) throw new ImportRefusedException(UploadStream.TooLarge(o.MaxImportBytes));
            source = await ImportSource.OpenAsync(upload, job.FileName, o, bytes => progress.ReportAsync(0, bytes, ct), ct);
            job.Encoding = source.Format;
            var header = new List<string>();
            if (!await source.TryReadAsync(header, ct) || ColumnMap.IsBlank(header))
                throw new ImportRefusedException("第1行应为列名（请使用本页提供的模板），但文件的第1行是空的。未导入任何内容。");
            var map = layout.Map(header, issues);
            if (issues.HasErrors)
            {
                await FinishAsync(job, ImportStatus.Rejected, "文件的列名与模板不符，未导入任何内容。", issues, upload, ct);
                return job;
            }
            var context = new ImportContext(db, carrier, job, source, map, header, issues, upload, progress, o, clock);
            if (layout == ImportLayout.Ledger) await new LedgerImport(context).RunAsync(ct);
            else await new EnterpriseImport(context).RunAsync(ct);
            return job;
        }
        catch (ImportRefusedException ex)
        {
            await FinishAsync(job, ImportStatus.Refused, ex.Message, issues, upload, CancellationToken.None);
        }
        catch (ImportFormatException ex)
        {
            await FinishAsync(job, ImportStatus.Refused, $"第{ex.Row}行：{ex.Message}未导入任何内容。", issues, upload, CancellationToken.None);
        }
        catch (ImportUndecodableException ex) when (source is not null)
        {
            await FinishAsync(job, ImportStatus.Refused, source.DecodingRefusal(ex.Row), issues, upload, CancellationToken.None);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            await FinishAsync(job, ImportStatus.Cancelled, "导入在完成前被中断（连接断开或服务停止），已全部撤销，未导入任何内容。", issues, upload, CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException)
        {
            await FinishAsync(job, ImportStatus.Cancelled, "导入期间有入驻企业被他人修改，已全部撤销，未导入任何内容。请重新导入。", issues, upload, CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or DbUpdateException or IOException)
        {
            log.LogError(ex, "Import {JobId} failed", job.Id);
            await FinishAsync(job, ImportStatus.Cancelled, "导入时发生系统错误，已全部撤销，未导入任何内容。请稍后重试。", issues, upload, CancellationToken.None);
        }
        finally
        {
            if (source is not null) await source.DisposeAsync();
        }
        return job;
    }

    private async Task FinishAsync(ImportJob job, string status, string message, ImportIssues issues, UploadStream upload, CancellationToken ct)
    {
        Complete(job, status, message, issues, upload, clock.GetUtcNow());
        await using var conn = new NpgsqlConnection(DatabaseSetup.WithoutPreparation(db.Database.GetConnectionString()!));
        await conn.OpenAsync(ct);
        await ImportJobWriter.FinishAsync(conn, null, job, ct);
    }

    internal static void Complete(ImportJob job, string status, string message, ImportIssues issues, UploadStream upload, DateTimeOffset now)
    {
        job.Status = status;
        job.ProcessedBytes = upload.BytesRead;
        job.ErrorCount = issues.Errors;
        job.WarningCount = issues.Warnings;
        job.NoticeCount = issues.Notices;
        job.Errors = ImportReport.From(message, issues).ToJson();
        job.FinishedAt = now;
        job.UpdatedAt = now;
    }

    internal static readonly JsonSerializerOptions AuditJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>Everything one import run needs.</summary>
internal sealed record ImportContext(
    ExemplarDbContext Db, Carrier Carrier, ImportJob Job, ImportSource Source, ColumnMap Map, IReadOnlyList<string> Header,
    ImportIssues Issues, UploadStream Upload, ImportProgress Progress, LedgerOptions Options, TimeProvider Clock)
{
    /// <summary>XLSX formula cells are taken as their displayed value, never evaluated; each is noted.</summary>
    public void NoteFormulas()
    {
        foreach (var column in Source.FormulaColumns)
            Issues.Notice(Source.Row, column < Header.Count ? ImportIssue.ColumnName(column, ImportLayout.NormaliseHeader(Header[column])) : ImportIssue.ColumnLetter(column),
                $"{ImportCells.FlagMessage}：单元格含公式，已取其显示的值作为文本，公式不会被执行。");
    }

    public string ConnectionString => DatabaseSetup.WithoutPreparation(Db.Database.GetConnectionString()!);

    /// <summary>The audit payload of an import: what was imported, from which file (by SHA-256), how many rows.</summary>
    public string AuditAfter(string summary) => JsonSerializer.Serialize(new SortedDictionary<string, object?>(StringComparer.Ordinal)
    {
        ["ImportJobId"] = Job.Id,
        ["Kind"] = Job.Kind,
        ["FileName"] = Job.FileName,
        ["Sha256"] = Job.Sha256,
        ["Encoding"] = Job.Encoding,
        ["Rows"] = Job.TotalRows,
        ["ImportedRows"] = Job.ImportedRows,
        ["Warnings"] = Job.WarningCount,
        ["Notices"] = Job.NoticeCount,
        ["Summary"] = summary,
    }, ImportHandler.AuditJson);
}
