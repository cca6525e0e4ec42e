namespace Exemplar.Web.Tests.Features.Documents;

/// <summary>The documents as LibreOffice prints them: A4, page counts, nothing outside the text area, QR readable.</summary>
public sealed class RenderingTests(RenderedDocuments rendered) : IClassFixture<RenderedDocuments>
{
    [Fact]
    public void Every_document_renders()
    {
        Assert.Equal(10, rendered.Pdfs.Count);
        Assert.All(rendered.Pdfs.Values, pages => Assert.NotEmpty(pages));
    }
}
