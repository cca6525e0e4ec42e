using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Requests;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// For the deadline-rush benchmark only (<c>Exemplar:Bench:NoOpUpload=true</c>, off by default, then not mapped at all):
/// POST /api/v1/bench/noop-upload reads a signed-in user's body the way the material upload does and discards it, so the
/// benchmark can compare a submission with a bare 1 MB upload through the same pipeline in the same run. POST
/// /api/v1/bench/stored-upload is the floor under any submission with a file: the body read the same way, inspected by
/// content and hashed as every material is, and its bytes written the way a submission writes its last material's bytes
/// and waited for on disk as a submission waits for its flush — and nothing else (no record, no check, no package, no audit).
/// </summary>
public static class BenchNoOpUpload
{
    public const string Setting = "Exemplar:Bench:NoOpUpload";

    public static void MapBenchNoOpUpload(this RouteGroupBuilder api)
    {
        var configuration = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue(Setting, false)) return;
        api.MapPost("/bench/noop-upload", async (HttpContext http) =>
        {
            using var body = await RequestBody.ReadUploadAsync(http);
            return TypedResults.NoContent();
        }).RequireAuthorization(AuthPolicies.SignedIn).ExcludeFromDescription();
        api.MapPost("/bench/stored-upload", async Task<Results<NoContent, UnprocessableEntity<ProblemDetails>>> (
            HttpContext http, UploadInspector inspector, FileStore files, ExemplarDbContext db, CancellationToken ct) =>
        {
            using var body = await RequestBody.ReadUploadAsync(http);
            var verdict = inspector.Inspect("floor.pdf", body.Memory, UploadKinds.Documents, "材料");
            if (!verdict.Accepted)
                return TypedResults.UnprocessableEntity(new ProblemDetails { Status = 422, Title = "材料未上传", Detail = verdict.Refusal });
            await using var staged = files.Stage(Guid.NewGuid(), body.Memory, ct);
            await staged.Written;
            // On disk before the answer, as a submission's bytes are by its flush: one flush waited for, as there.
            await AuditedCommit.FlushAsync(db.Database, ct);
            // Kept without a record, like the bytes of a process that died mid-submission: the retention job purges them
            // after a day, so the floor does not pay a delete the submission does not pay either.
            staged.Kept();
            return TypedResults.NoContent();
        }).RequireAuthorization(AuthPolicies.SignedIn).ExcludeFromDescription();
    }
}
