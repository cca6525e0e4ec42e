namespace Exemplar.Web.Features.Documents;

public static class DocumentsSetup
{
    /// <summary>The documents area: one stateless generator for every form, notice, certificate and list.</summary>
    public static WebApplicationBuilder AddDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DocumentGenerator>();
        return builder;
    }
}
