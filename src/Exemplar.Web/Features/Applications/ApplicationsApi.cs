using System.Security.Claims;
using System.Text.Json;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Requests;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// Applications for scripts and systems: the same list and access rules as the pages, and for the applicant the two
/// acts a script needs — putting a file into a material slot (the request body is the file) and submitting (JSON), or
/// both at once, so a submission made at the deadline with its last file is one request that either fully lands or not.
/// </summary>
public static class ApplicationsApi
{
    public sealed record ApplicationDto(Guid Id, string? ReceiptNumber, Guid CallId, string CallTitle, string CarrierName, string Operator,
        string JurisdictionCode, string Status, int Version, string? Verdict, bool? MaterialsComplete, DateTimeOffset? SubmittedAt);

    public sealed record ApplicationPageDto(int Total, int Page, int PageSize, IReadOnlyList<ApplicationDto> Items);

    public sealed record SubmissionDto(string ReceiptNumber, string PackageHash, IReadOnlyList<string> Warnings);

    public static void MapApplicationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/applications").RequireAuthorization(AuthPolicies.SignedIn).WithTags("申报");

        api.MapGet("/applications", async Task<Results<Ok<ApplicationPageDto>, ForbidHttpResult>> (
            HttpContext http, ApplicationListQuery query, Guid? call, ApplicationStatus? status, string? county, Verdict? verdict, bool? complete, string? q, string? sort, int? page) =>
        {
            if (http.User.Role() == Role.Expert) return TypedResults.Forbid();
            var result = await query.PageAsync(http.User, new ApplicationFilter(call, status, county, verdict, complete, q, sort, page ?? 1), http.RequestAborted);
            return TypedResults.Ok(new ApplicationPageDto(result.Total, result.Page, result.PageSize, result.Items.Select(Dto).ToList()));
        }).RequireAuthorization(AuthPolicies.SignedIn).WithTags("申报").WithSummary("可见的申报（按批次、状态、县区、核对结论、材料齐全筛选）");

        group.MapGet("/{id:guid}", async Task<Results<Ok<JsonElement>, NotFound<ProblemDetails>, ForbidHttpResult>> (
            Guid id, HttpContext http, ApplicationLoader loader, JurisdictionTreeCache trees, ExemplarDbContext db) =>
        {
            var ct = http.RequestAborted;
            if (http.User.Role() == Role.Expert) return TypedResults.Forbid();
            var f = await loader.LoadAsync(id, tracked: false, ct);
            if (f is null) return NotFoundProblem();
            var access = ApplicationAccess.For(http.User, f.Application, f.Call.JurisdictionCode, f.Policy, await trees.GetAsync(ct));
            if (!access.CanSee) return NotFoundProblem();
            var last = await db.Set<ApplicationVersion>().AsNoTracking().Where(v => v.ApplicationId == id && v.State == VersionState.Submitted)
                .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
            var body = new Dictionary<string, object?>
            {
                ["id"] = f.Application.Id, ["receiptNumber"] = f.Application.ReceiptNumber, ["status"] = ApplicationLabels.Of(f.Application.Status),
                ["currentVersion"] = f.Application.CurrentVersion, ["lastSubmittedVersion"] = last?.Number, ["packageHash"] = last?.PackageHash,
                ["package"] = access.CanSeeContent && last?.SnapshotJson is { } json ? JsonDocument.Parse(json).RootElement : null,
            };
            return TypedResults.Ok(JsonSerializer.SerializeToElement(body, ApplicationJson.Options));
        }).WithSummary("一项申报的状态；有权查看内容者另得最近提交版本的冻结材料包");

        group.MapPost("/{id:guid}/materials/{slotId:guid}", async Task<Results<Created<InspectedDto>, UnprocessableEntity<ProblemDetails>, NotFound<ProblemDetails>, ForbidHttpResult>> (
            Guid id, Guid slotId, string? fileName, HttpContext http, UploadMaterialHandler handler) =>
        {
            if (http.User.Role() != Role.Applicant || http.User.OrganizationId() is not { } org) return TypedResults.Forbid();
            using var body = await RequestBody.ReadUploadAsync(http);
            var result = await handler.HandleAsync(new UploadMaterialCommand(id, org, http.User.UserId()!.Value, slotId, fileName, body.Memory), http.RequestAborted);
            if (result.IsNotFound) return NotFoundProblem();
            if (!result.Ok) return Unprocessable("材料未上传", result);
            return TypedResults.Created($"/api/v1/applications/{id}", new InspectedDto(result.Id!.Value));
        }).WithSummary("向草稿的一项材料上传文件（请求正文即文件，类型按内容识别）").DisableRequestTimeout();

        group.MapPost("/{id:guid}/submit", async Task<Results<Ok<SubmissionDto>, UnprocessableEntity<ProblemDetails>, NotFound<ProblemDetails>, StatusCodeHttpResult, ForbidHttpResult>> (
            Guid id, HttpContext http, SubmitApplicationHandler handler) =>
        {
            // A JSON content type keeps browsers from sending this cross-site without a CORS preflight.
            if (!(http.Request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            if (http.User.Role() != Role.Applicant || http.User.OrganizationId() is not { } org) return TypedResults.Forbid();
            var outcome = await handler.HandleAsync(new SubmitApplicationCommand(id, org, http.User.UserId()!.Value,
                http.User.FindFirstValue(ClaimTypes.Name) ?? "?"), http.RequestAborted);
            return Answer(outcome);
        }).WithSummary("提交当前版本（请求内容类型须为 application/json）").WithMetadata(new AnswersWhenCommitted(StatusCodes.Status200OK));

        group.MapPost("/{id:guid}/submit-with-material/{slotId:guid}", async Task<Results<Ok<SubmissionDto>, UnprocessableEntity<ProblemDetails>, NotFound<ProblemDetails>, StatusCodeHttpResult, ForbidHttpResult>> (
            Guid id, Guid slotId, string? fileName, HttpContext http, SubmitApplicationHandler handler) =>
        {
            if (http.User.Role() != Role.Applicant || http.User.OrganizationId() is not { } org) return TypedResults.Forbid();
            // The body is the file; the types a cross-site form can send without a CORS preflight are refused.
            if (string.IsNullOrEmpty(http.Request.ContentType) || CrossSiteFormTypes.Any(t => http.Request.ContentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
                return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            using var body = await RequestBody.ReadUploadAsync(http);
            var outcome = await handler.HandleAsync(new SubmitApplicationCommand(id, org, http.User.UserId()!.Value,
                http.User.FindFirstValue(ClaimTypes.Name) ?? "?", new MaterialUpload(slotId, fileName, body.Memory)), http.RequestAborted);
            return Answer(outcome);
        }).WithSummary("上传一项材料的文件（请求正文即文件）并提交当前版本：两者同时生效，任一不成则都不保存").DisableRequestTimeout()
            .WithMetadata(new AnswersWhenCommitted(StatusCodes.Status200OK));

        api.MapBenchNoOpUpload();
    }

    public sealed record InspectedDto(Guid FileId);

    private static readonly string[] CrossSiteFormTypes = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

    private static ApplicationDto Dto(ApplicationRow r) => new(r.Id, r.ReceiptNumber, r.CallId, r.CallTitle, r.CarrierName, r.Operator,
        r.JurisdictionCode, ApplicationLabels.Of(r.Status), r.Version, r.ContentVisible ? r.Verdict?.ToChinese() : null,
        r.ContentVisible && r.SubmittedAt is not null ? r.MaterialsComplete : null, r.SubmittedAt);

    private static Results<Ok<SubmissionDto>, UnprocessableEntity<ProblemDetails>, NotFound<ProblemDetails>, StatusCodeHttpResult, ForbidHttpResult> Answer(SubmitOutcome outcome)
    {
        if (outcome.Result.IsNotFound) return NotFoundProblem();
        if (!outcome.Result.Ok) return Unprocessable("未能提交", outcome.Result);
        return TypedResults.Ok(new SubmissionDto(outcome.ReceiptNumber!, outcome.PackageHash!, outcome.Warnings));
    }

    private static NotFound<ProblemDetails> NotFoundProblem() => TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "未找到该申报" });

    private static UnprocessableEntity<ProblemDetails> Unprocessable(string title, SaveResult result)
    {
        var problem = new ProblemDetails { Status = 422, Title = title, Detail = string.Join(" ", result.Errors.SelectMany(e => e.Value)) };
        problem.Extensions["errors"] = result.Errors;
        return TypedResults.UnprocessableEntity(problem);
    }
}
