using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>
/// The cookie TempData provider without the deleting <c>Set-Cookie</c> it sends whenever a page read TempData and nothing
/// is left, even when the request carried no TempData cookie. The layout reads the flash message on every page, so every
/// anonymous page answered with that header, and the output cache never stores a response with <c>Set-Cookie</c>: the
/// registry's cached pages were rendered (one query) on every request (found by the registry benchmark).
/// </summary>
internal sealed class QuietCookieTempDataProvider(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName)) return;
        inner.SaveTempData(context, values);
    }
}
