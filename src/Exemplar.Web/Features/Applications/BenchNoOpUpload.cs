using Exemplar.Web.Infrastructure.Requests;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// For the deadline-rush benchmark only (<c>Exemplar:Bench:NoOpUpload=true</c>, off by default, then not mapped at all):
/// POST /api/v1/bench/noop-upload reads a signed-in user's body the way the material upload does and discards it, so the
/// benchmark can compare a submission with a bare 1 MB upload through the same pipeline in the same run.
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
    }
}
