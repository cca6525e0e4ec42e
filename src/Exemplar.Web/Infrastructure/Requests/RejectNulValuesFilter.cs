using Microsoft.AspNetCore.Mvc.Filters;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>
/// After model binding: a bound value with a NUL byte (from a multipart form, which <see cref="RequestGuardMiddleware"/>
/// does not read) ends the request with 400 before the handler runs.
/// </summary>
internal sealed class RejectNulValuesFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.ModelState.Values.Any(v => RequestGuardMiddleware.HasNul(v.AttemptedValue)))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.BadRequestResult();
            return;
        }
        await next();
    }
}
