using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>
/// One mechanism for every form and API call that changes something (issue 8 item 12): every post form carries a fresh
/// key (<see cref="IdempotencyKeyTagHelper"/>), API clients send <c>Idempotency-Key</c>. A key that already committed is
/// not run again: the form is answered with a redirect to where the first post led and a notice that nothing was saved
/// twice, the API with the first answer's status and Location (header <c>Idempotent-Replayed: true</c>). A request
/// that failed after its change committed (a 500 during a database restart) is answered as the replay it will be.
/// </summary>
internal static class Idempotency
{
    public const string ReplayedNotice = "该表单此前已提交并保存，本次未重复保存。";

    /// <summary>The key a request carries: the header, or the form field when the form was already read (never reads a streamed upload).</summary>
    public static Guid? KeyOf(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) && !HttpMethods.IsPut(http.Request.Method)
            && !HttpMethods.IsPatch(http.Request.Method) && !HttpMethods.IsDelete(http.Request.Method)) return null;
        string? raw = http.Request.Headers[IdempotencyScope.Header];
        if (string.IsNullOrEmpty(raw) && http.Features.Get<IFormFeature>()?.Form is { } form) raw = form[IdempotencyScope.FormField];
        return Guid.TryParse(raw, out var key) && key != Guid.Empty ? key : null;
    }

    public static Task<IdempotencyRecord?> FindAsync(ExemplarDbContext db, Guid key, CancellationToken ct) =>
        db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);

    /// <summary>Starts recording the key; when the response starts, remembers what it answered.</summary>
    public static void Begin(HttpContext http, Guid key)
    {
        var scope = http.RequestServices.GetRequiredService<IdempotencyScope>();
        scope.Begin(key, http.User.UserId(), http.Request, http.GetEndpoint()?.Metadata.GetMetadata<AnswersWhenCommitted>()?.Status);
        http.Response.OnStarting(async () =>
        {
            if (!scope.Recorded) return;
            var status = http.Response.StatusCode;
            var location = http.Response.Headers.Location.ToString();
            if (status == scope.SavedStatus && string.IsNullOrEmpty(location)) return;
            try
            {
                await using var db = DatabaseSetup.ActAsSystem(http.RequestServices);
                await db.Set<IdempotencyRecord>().Where(r => r.Key == key)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, status).SetProperty(r => r.Location, string.IsNullOrEmpty(location) ? null : location));
            }
            catch (Exception e)
            {
                // The change itself is committed; a replay then leads back to the page instead of to the result.
                http.RequestServices.GetRequiredService<ILogger<IdempotencyScope>>().LogWarning(e, "未能记录幂等键 {Key} 的响应", key);
            }
        });
    }

    /// <summary>After a failure: did the change commit anyway (the key is there)? Any error looking is "no".</summary>
    public static async Task<IdempotencyRecord?> CommittedAfterFailureAsync(HttpContext http, Guid key)
    {
        try
        {
            await using var db = DatabaseSetup.ActAsSystem(http.RequestServices);
            return await FindAsync(db, key, CancellationToken.None);
        }
        catch (Exception)
        {
            return null;
        }
    }

    public static bool BelongsTo(IdempotencyRecord record, HttpContext http) => record.UserId == http.User.UserId();
}

/// <summary>Razor Pages: replay instead of re-running a form post whose key committed.</summary>
internal sealed class IdempotencyPageFilter(ITempDataDictionaryFactory tempData) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (Idempotency.KeyOf(http) is not { } key) { await next(); return; }
        var db = http.RequestServices.GetRequiredService<ExemplarDbContext>();
        if (await Idempotency.FindAsync(db, key, http.RequestAborted) is { } done)
        {
            context.Result = Replay(http, done);
            return;
        }
        Idempotency.Begin(http, key);
        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled
            && await Idempotency.CommittedAfterFailureAsync(http, key) is { } committed)
        {
            executed.ExceptionHandled = true;
            executed.Result = Replay(http, committed);
        }
    }

    private IActionResult Replay(HttpContext http, IdempotencyRecord done)
    {
        if (!Idempotency.BelongsTo(done, http)) return new BadRequestResult();
        tempData.GetTempData(http)["Flash"] = Idempotency.ReplayedNotice;
        var target = done.Location is { Length: > 0 } l && l.StartsWith('/') && !l.StartsWith("//", StringComparison.Ordinal)
            ? l : http.Request.Path + http.Request.QueryString;
        return new RedirectResult(target);
    }
}

/// <summary>
/// An endpoint that makes <c>Idempotency-Key</c> its own record's id (the import API's job id): the shared filter keeps out.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class OwnIdempotencyAttribute : Attribute;

/// <summary>Minimal APIs under /api/v1: the same for the <c>Idempotency-Key</c> header.</summary>
internal sealed class IdempotencyEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<OwnIdempotencyAttribute>() is not null) return await next(context);
        if (Idempotency.KeyOf(http) is not { } key) return await next(context);
        var db = http.RequestServices.GetRequiredService<ExemplarDbContext>();
        if (await Idempotency.FindAsync(db, key, http.RequestAborted) is { } done) return Replay(http, done);
        Idempotency.Begin(http, key);
        try
        {
            return await next(context);
        }
        catch (Exception)
        {
            if (await Idempotency.CommittedAfterFailureAsync(http, key) is { } committed) return Replay(http, committed);
            throw;
        }
    }

    private static IResult Replay(HttpContext http, IdempotencyRecord done)
    {
        if (!Idempotency.BelongsTo(done, http))
            return TypedResults.Problem(statusCode: 422, title: "幂等键已被使用", detail: "该 Idempotency-Key 已用于其他用户的请求，请换一个新的键。");
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (done.Location is { Length: > 0 } location) http.Response.Headers.Location = location;
        return TypedResults.StatusCode(done.Status is >= 200 and < 300 ? done.Status.Value : StatusCodes.Status200OK);
    }
}
