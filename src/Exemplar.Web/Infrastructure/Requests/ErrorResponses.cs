using System.Net;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>
/// Chinese error answers written without touching the database (the normal error page's layout reads it): API callers
/// get ProblemDetails, people a small self-contained page.
/// </summary>
internal static class ErrorResponses
{
    public static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");

    /// <summary>
    /// For every ProblemDetails the app writes: a title the framework filled in (its English reason phrase, e.g. for a
    /// bare 415 or an unmatched API route's 404) becomes Chinese by status; titles the app set itself are kept.
    /// </summary>
    public static void InChinese(ProblemDetailsContext context)
    {
        var p = context.ProblemDetails;
        if (p.Title is { } title && title.Any(c => c >= '\u4e00' && c <= '\u9fff')) return;
        var status = p.Status ?? context.HttpContext.Response.StatusCode;
        (p.Title, var detail) = status switch
        {
            400 => ("请求有误", "提交的内容无法处理，未作任何处理。"),
            401 => ("需要登录", "请先登录后再调用此接口。"),
            403 => ("无权访问", "您的角色或管辖范围不允许此操作。"),
            404 => ("未找到", "请求的接口或记录不存在。"),
            405 => ("不支持该请求方法", "此接口不接受该请求方法。"),
            406 or 415 => ("不支持的内容类型", "请求的内容类型不符合此接口的要求，请查阅接口说明。"),
            409 => ("操作冲突", "记录已被他人修改，请刷新后重试。"),
            413 => ("提交的内容过大", "提交的内容超过此接口的上限，未作任何处理。"),
            422 => ("无法处理", "提交的内容未通过校验，未作任何保存。"),
            429 => ("操作过于频繁", "请稍候片刻再试。"),
            >= 500 => ("系统出错了", "服务器处理请求时发生错误，我们已记录此问题，请稍后再试。"),
            _ => ("无法完成请求", "请查阅接口说明后重试。"),
        };
        p.Detail ??= detail;
    }

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
