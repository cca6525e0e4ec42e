using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>
/// Every <c>&lt;form method="post"&gt;</c> rendered by a page carries a fresh idempotency key (see <see cref="Idempotency"/>),
/// so a post retried after an error or sent twice saves once — for forms written later too. Forms that opt out of the
/// antiforgery field (the streamed import, which has its own job id) get none.
/// </summary>
[HtmlTargetElement("form", Attributes = "[method=post]")]
[HtmlTargetElement("form", Attributes = "[method=POST]")]
public sealed class IdempotencyKeyTagHelper : TagHelper
{
    /// <summary>Runs after the framework's form tag helper.</summary>
    public override int Order => 1000;

    [HtmlAttributeName("asp-antiforgery")]
    public bool? Antiforgery { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Antiforgery == false) return;
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{IdempotencyScope.FormField}\" value=\"{Guid.CreateVersion7()}\" />");
    }
}
