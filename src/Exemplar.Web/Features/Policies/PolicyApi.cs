using System.Text;
using Exemplar.Domain.Policies;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Exemplar.Web.Features.Policies;

public sealed record PolicySummaryDto(
    string Id, string Version, string Title, string Issuer, string DocumentNumber, string Kind,
    string? EffectiveFrom, string? EffectiveTo, bool EffectiveFromSetByAdministrator, string Status, string StatusText,
    string ContentHash, IReadOnlyList<SupersededDocument> Supersedes, IReadOnlyList<LintFinding> Lint);

public sealed record PolicyDetailDto(
    PolicySummaryDto Summary, string? EffectiveNote, CitedText? Transitional, ApplicantRules Applicants, IReadOnlyList<Undertaking> Undertakings,
    IReadOnlyList<RequirementRow> Conditions, IReadOnlyList<Material> Materials, ProcedureRules Procedure, ManagementRules Management);

public static class PolicyApi
{
    public const int MaxDraftBytes = 1024 * 1024;

    public static RouteGroupBuilder MapPolicyApi(this RouteGroupBuilder api)
    {
        api.MapGet("/policies", async (PolicyCatalogue catalogue, CancellationToken ct) =>
        {
            var today = catalogue.Today;
            return TypedResults.Ok((await catalogue.GetAsync(ct)).Select(p => Summary(p, today)).ToList());
        }).AllowAnonymous().WithSummary("政策库：全部认定政策");

        api.MapGet("/policies/{id}", async Task<Results<Ok<PolicyDetailDto>, ProblemHttpResult>> (string id, PolicyCatalogue catalogue, CancellationToken ct) =>
        {
            var p = await catalogue.FindAsync(id, ct);
            if (p is null)
            {
                return TypedResults.Problem(title: "未找到政策", detail: $"没有标识为“{id}”的政策。", statusCode: StatusCodes.Status404NotFound);
            }

            var v = p.Policy;
            return TypedResults.Ok(new PolicyDetailDto(Summary(p, catalogue.Today), v.EffectiveNote, v.Transitional, v.Applicants, v.Undertakings, PolicyText.Rows(v), v.Materials, v.Procedure, v.Management));
        }).AllowAnonymous().WithSummary("政策库：一项政策的条件、材料、程序与管理规定");

        api.MapPost("/eligibility/evaluate", async Task<Results<ContentHttpResult, ProblemHttpResult>> (HttpRequest request, EvaluateEligibilityHandler handler, CancellationToken ct) =>
        {
            var input = await ProfileInput.ReadAsync(request.Body, ct);
            if (!input.Succeeded)
            {
                return BadRequest("档案有误", input.Error!, input.Path!);
            }

            var outcome = await handler.HandleAsync(new EvaluateEligibilityCommand(input.Profile!, input.PolicyId), ct);
            if (!outcome.Succeeded)
            {
                return BadRequest(outcome.Path == "$.policyId" ? "政策标识有误" : "档案有误", outcome.Error!, outcome.Path ?? "$");
            }

            return TypedResults.Content(EvaluationJson.Serialize(EvaluationJson.Report(input.Profile!, outcome.Evaluations)), "application/json; charset=utf-8");
        }).AllowAnonymous().RequireRateLimiting(PolicyServices.SelfCheckRateLimit)
          .WithSummary("条件自查：按一项或全部政策评估档案（请求体为档案 JSON，可加 policyId；每个地址每分钟限次）");

        api.MapPost("/policies/{id}/preview", async Task<Results<Ok<RevisionPreview>, ProblemHttpResult>> (string id, HttpRequest request, PreviewPolicyRevisionHandler handler, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var buffer = new char[MaxDraftBytes + 1];
            var read = await reader.ReadBlockAsync(buffer, ct);
            if (read > MaxDraftBytes)
            {
                return BadRequest("政策草案过大", $"政策草案不能超过 {MaxDraftBytes / 1024} KB。", "$");
            }

            var outcome = await handler.HandleAsync(new PreviewPolicyRevisionCommand(id, new string(buffer, 0, read)), ct);
            if (outcome.Preview is null)
            {
                var problem = TypedResults.Problem(
                    title: outcome.Status == StatusCodes.Status404NotFound ? "未找到政策" : "政策草案有误",
                    detail: outcome.Error,
                    statusCode: outcome.Status,
                    extensions: new Dictionary<string, object?>
                    {
                        ["path"] = outcome.Errors.FirstOrDefault()?.Path ?? "$",
                        ["errors"] = outcome.Errors.Select(e => new { e.Path, e.Message }).ToList(),
                    });
                return problem;
            }

            return TypedResults.Ok(outcome.Preview);
        }).RequireAuthorization(p => p.RequireRole(nameof(Role.Administrator), nameof(Role.DesignatingOfficer)))
          .WithSummary("修订预览：按现行与草案评估已存档案，统计新增排除与新增符合的数量");
        return api;
    }

    private static ProblemHttpResult BadRequest(string title, string detail, string path) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["path"] = path });

    public static PolicySummaryDto Summary(CataloguedPolicy p, DateOnly today)
    {
        var v = p.Policy;
        return new PolicySummaryDto(v.Id, v.Version, v.Title, v.Issuer, v.DocumentNumber, v.Kind == CarrierKind.Platform ? "platform" : "base",
            v.EffectiveFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), v.EffectiveTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.Setting is not null,
            p.StatusOn(today).ToString(), p.StatusText(today), v.ContentHash, v.Supersedes, p.Lint);
    }
}
