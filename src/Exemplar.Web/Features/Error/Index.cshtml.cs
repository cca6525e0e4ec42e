using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Error;

[IgnoreAntiforgeryToken]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string? RequestId { get; private set; }

    public IActionResult OnGet(int code) => Show(code);
    public IActionResult OnPost(int code) => Show(code);

    private IActionResult Show(int code)
    {
        Code = code;
        (Title, Message) = code switch
        {
            403 => ("无权访问", "您的角色或管辖范围不允许查看此页面。"),
            404 => ("页面不存在", "您访问的页面不存在或已被移除，请检查网址。"),
            429 => ("操作过于频繁", "请稍候片刻再试。"),
            400 => ("请求有误", "提交的内容无法处理，请返回后重试。"),
            _ when code >= 500 => ("系统出错了", "服务器处理请求时发生错误，我们已记录此问题，请稍后再试。"),
            _ => ("无法完成请求", "请返回后重试。"),
        };
        if (code >= 500) RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        // Direct visits to /Error/404 keep the status, so crawlers and tests see the truth.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null &&
            HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null)
            Response.StatusCode = code is >= 400 and < 600 ? code : 400;
        return Page();
    }
}
