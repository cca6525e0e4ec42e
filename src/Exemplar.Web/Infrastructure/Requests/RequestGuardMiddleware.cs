using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>
/// Refuses, before any page or endpoint runs, requests that could only end in a server error further in:
/// a NUL byte (<c>%00</c>) in the path, the query or a URL-encoded form → 400 (PostgreSQL cannot store it in text, so a
/// search with it failed as error 22021 and an export stopped mid-stream); a body larger than
/// <see cref="RequestOptions.AnonymousMaxBodyBytes"/> from a visitor who is not signed in → 413. Multipart fields are
/// checked after binding (<see cref="RejectNulValuesFilter"/>), so streamed uploads are never buffered here.
/// </summary>
internal sealed class RequestGuardMiddleware(RequestDelegate next, IOptions<RequestOptions> options)
{
    public async Task InvokeAsync(HttpContext ctx)
    {
        // The status-code page re-executes with the original method and body: judge the request once.
        if (ctx.Features.Get<IStatusCodeReExecuteFeature>() is not null) { await next(ctx); return; }
        var request = ctx.Request;
        if (HasNul(request.Path.Value) || HasNul(request.PathBase.Value) || request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true
            || request.Query.Any(q => HasNul(q.Key) || q.Value.Any(HasNul)))
        {
            await RefuseNulAsync(ctx);
            return;
        }
        if (ctx.User.Identity?.IsAuthenticated != true && HasBody(request))
        {
            var limit = options.Value.AnonymousMaxBodyBytes;
            if (request.ContentLength > limit)
            {
                await ErrorResponses.WriteAsync(ctx, StatusCodes.Status413PayloadTooLarge, "提交的内容过大",
                    $"未登录时提交的内容不能超过 {limit / 1024} KB，未作任何处理。");
                return;
            }
            if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size && (size.MaxRequestBodySize ?? long.MaxValue) > limit)
                size.MaxRequestBodySize = limit;
        }
        if (request.HasFormContentType && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(ctx.RequestAborted);
            if (form.Any(f => HasNul(f.Key) || f.Value.Any(HasNul)))
            {
                await RefuseNulAsync(ctx);
                return;
            }
        }
        await next(ctx);
    }

    public static bool HasNul(string? s) => s is not null && s.Contains('\0');

    private static bool HasBody(HttpRequest r) => r.ContentLength > 0 || r.Headers.TransferEncoding.Count > 0;

    private static Task RefuseNulAsync(HttpContext ctx) =>
        ErrorResponses.WriteAsync(ctx, StatusCodes.Status400BadRequest, "请求有误", "提交的内容包含空字符（%00），未作任何处理。请删除该字符后重试。");
}
