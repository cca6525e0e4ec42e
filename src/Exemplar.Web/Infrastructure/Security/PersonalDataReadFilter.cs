using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Infrastructure.Security;

/// <summary>Logs the reads of pages marked <see cref="ReadsPersonalDataAttribute"/> that showed their record (GET, 200).</summary>
internal sealed class PersonalDataReadFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) || executed.Exception is not null) return;
        if (context.ActionDescriptor.ModelTypeInfo?.GetCustomAttributes(typeof(ReadsPersonalDataAttribute), true).FirstOrDefault() is not ReadsPersonalDataAttribute mark) return;
        if (executed.Result is not PageResult || context.RouteData.Values[mark.RouteValue]?.ToString() is not { Length: > 0 } id) return;
        await http.RequestServices.GetRequiredService<PersonalDataReads>().LogAsync(mark.RecordType, id, mark.What, null, http.RequestAborted);
    }
}
