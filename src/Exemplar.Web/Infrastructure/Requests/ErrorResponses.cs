using System.Net;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>
/// Chinese error answers written without touching the database (the normal error page's layout reads it): API callers
/// get ProblemDetails, people a small self-contained page.
/// </summary>
internal static class ErrorResponses
{
    public static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");

    public static async Task WriteAsync(HttpContext ctx, int status, string title, string detail)
    {
        ctx.Response.StatusCode = status;
        if (IsApi(ctx))
        {
            var problems = ctx.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = { Status = status, Title = title, Detail = detail } });
            return;
        }
        ctx.Response.ContentType = "text/html; charset=utf-8";
        ctx.Response.Headers.CacheControl = "no-store";
        await ctx.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{WebUtility.HtmlEncode(title)} - 示范基地与示范平台认定管理系统</title><link rel="stylesheet" href="/css/site.css" /></head>
            <body><main id="main" class="wrap"><section class="narrow error-page">
            <h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(detail)}</p><p><a href="/">返回首页</a></p>
            </section></main></body></html>
            """);
    }
}
