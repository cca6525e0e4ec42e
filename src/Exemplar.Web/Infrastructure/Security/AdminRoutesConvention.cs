using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Exemplar.Web.Infrastructure.Security;

/// <summary>
/// Pages live in their area's folder (Features/Calendar/Admin/…), but their URLs stay under /Admin; any page whose
/// route starts with /Admin requires the administrator policy, whichever folder holds it.
/// </summary>
internal sealed class AdminRoutesConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var template = model.ActionDescriptor.AttributeRouteInfo?.Template ?? model.ViewEnginePath;
        if (template.TrimStart('/').Split('/')[0].Equals("Admin", StringComparison.OrdinalIgnoreCase))
            model.EndpointMetadata.Add(new AuthorizeAttribute(AuthPolicies.Administrator));
    }
}
