using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>
/// Imports for scripts: the file is the request body (<c>text/csv</c> or the XLSX media type), streamed like the
/// upload form's. Same handler, same checks, same all-or-nothing. Only the carrier's operator.
/// </summary>
public static class TransferApi
{
    public sealed record ImportIssueDto(long Row, string? Column, string Severity, string Message);

    public sealed record ImportJobDto(
        Guid Id, string Kind, string FileName, string Status, string StatusLabel, string? Message, long Rows, long ImportedRows,
        long Errors, long Warnings, long Notices, string? Sha256, string? Encoding, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
        IReadOnlyList<ImportIssueDto> Issues, long OmittedIssues);

    public static void MapTransferApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/carriers/{id:guid}/imports").RequireAuthorization(AuthPolicies.Applicant).WithTags("台账导入");

        group.MapPost("/{kind}", async Task<Results<Created<ImportJobDto>, UnprocessableEntity<ProblemDetails>, NotFound<ProblemDetails>, ForbidHttpResult, BadRequest<ProblemDetails>>> (
            Guid id, string kind, string? fileName, HttpContext http, ImportHandler handler, IOptions<LedgerOptions> options, ExemplarDbContext db, JurisdictionTreeCache trees) =>
        {
            var ct = http.RequestAborted;
            if (await CarrierAsync(db, trees, http, id, ct) is not { } access) return TypedResults.NotFound(Problem(404, "未找到该基地（平台）"));
            if (!access.CanWrite) return TypedResults.Forbid();
            if (ImportLayout.For(kind) is null) return TypedResults.NotFound(Problem(404, "只能导入 enterprises（入驻企业）或 ledger（服务台账）"));
            var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            var extension = mediaType switch { "text/csv" => ".csv", XlsxWriter.ContentType => ".xlsx", _ => null };
            if (extension is null) return TypedResults.BadRequest(Problem(400, "请求内容应为 text/csv 或 XLSX（application/vnd.openxmlformats-officedocument.spreadsheetml.sheet）文件"));
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = options.Value.MaxImportBytes + ImportHandler.EnvelopeBytes;
            var name = Path.ChangeExtension(string.IsNullOrWhiteSpace(fileName) ? kind : fileName, extension);
            // A client that retries with the same Idempotency-Key gets the first import's job, never a second import.
            var jobId = Guid.TryParse(http.Request.Headers[Infrastructure.Requests.IdempotencyScope.Header], out var key) && key != Guid.Empty ? key : Guid.CreateVersion7();
            var job = await handler.HandleAsync(new ImportCommand(id, jobId, kind, name, http.Request.ContentLength, http.Request.Body), ct);
            var dto = Dto(job);
            if (job.Status == ImportStatus.Succeeded) return TypedResults.Created($"/api/v1/carriers/{id}/imports/{kind}/{job.Id}", dto);
            var problem = Problem(422, dto.StatusLabel);
            problem.Detail = dto.Message;
            problem.Extensions["job"] = dto;
            return TypedResults.UnprocessableEntity(problem);
        }).WithSummary("导入入驻企业或服务台账（请求正文为 CSV 或 XLSX 文件；全部成功或全部不导入；重试时带同一 Idempotency-Key 不会重复导入）")
            .WithMetadata(new Infrastructure.Requests.OwnIdempotencyAttribute()).DisableRequestTimeout();

        group.MapGet("/{kind}/{jobId:guid}", async Task<Results<Ok<ImportJobDto>, NotFound<ProblemDetails>, ForbidHttpResult>> (
            Guid id, string kind, Guid jobId, HttpContext http, ExemplarDbContext db, JurisdictionTreeCache trees, TimeProvider clock) =>
        {
            var ct = http.RequestAborted;
            if (await CarrierAsync(db, trees, http, id, ct) is not { } access) return TypedResults.NotFound(Problem(404, "未找到该基地（平台）"));
            if (!access.CanWrite) return TypedResults.Forbid();
            var job = await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.CarrierId == id && j.Kind == kind, ct);
            if (job is null) return TypedResults.NotFound(Problem(404, "未找到该导入"));
            job.Status = ImportJobModel.EffectiveStatus(job, clock.GetUtcNow());
            return TypedResults.Ok(Dto(job));
        }).WithSummary("一次导入的进度与逐行检查结果");
    }

    private static async Task<CarrierAccess?> CarrierAsync(ExemplarDbContext db, JurisdictionTreeCache trees, HttpContext http, Guid id, CancellationToken ct)
    {
        var carrier = await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return carrier is null ? null : CarrierAccess.For(http.User, carrier, await trees.GetAsync(ct));
    }

    private static ProblemDetails Problem(int status, string title) => new() { Status = status, Title = title };

    private static ImportJobDto Dto(ImportJob j)
    {
        var report = ImportReport.Read(j.Errors);
        return new(j.Id, j.Kind, j.FileName, j.Status, ImportStatus.Label(j.Status), report.Message, j.TotalRows ?? j.ProcessedRows, j.ImportedRows,
            j.ErrorCount, j.WarningCount, j.NoticeCount, j.Sha256, j.Encoding, j.StartedAt, j.FinishedAt,
            report.Issues.Select(i => new ImportIssueDto(i.Row, i.Column, ImportIssue.SeverityLabel(i.Severity), i.Message)).ToList(), report.Omitted);
    }
}
