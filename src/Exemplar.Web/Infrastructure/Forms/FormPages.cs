using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Infrastructure.Forms;

/// <summary>
/// A page with a form that may be shown again after a refused post: <see cref="LoadFormAsync"/> loads what the page
/// shows besides the posted fields (choices, lists, the record's context) without touching the posted values.
/// </summary>
public interface IFormPage
{
    Task LoadFormAsync(CancellationToken ct);
}

/// <summary>
/// For every page, once: a post whose values did not bind (text in a number field, an impossible date, an option that
/// is not in the list) never reaches its handler, so nothing is saved; the page is shown again with the posted values
/// and a Chinese message naming each field.
/// </summary>
public sealed class RefuseUnboundPostFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || context.ModelState.IsValid)
        {
            await next();
            return;
        }
        if (context.HandlerInstance is IFormPage page) await page.LoadFormAsync(context.HttpContext.RequestAborted);
        context.Result = new PageResult();
    }
}
