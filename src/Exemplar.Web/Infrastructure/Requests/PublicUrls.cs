using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>
/// Absolute links for things the product sends out. The base is <see cref="RequestOptions.PublicBaseUrl"/>; without it
/// (Development and tests only: Production refuses to start) the address the server listens on. Never the request's
/// Host header, which any client can forge.
/// </summary>
public sealed class PublicUrls(IOptions<RequestOptions> options, IServer server)
{
    private Uri? _base;

    public Uri Base => _base ??= Resolve();

    /// <summary>The public URL of an application path such as <c>/Survey/abc</c>.</summary>
    public string For(string path) => new Uri(Base, Base.AbsolutePath.TrimEnd('/') + "/" + path.TrimStart('/')).ToString();

    private Uri Resolve()
    {
        if (TryParse(options.Value.PublicBaseUrl, out var configured)) return configured;
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var local = listening?.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost");
        return TryParse(local, out var address) ? address : new Uri("http://localhost/");
    }

    public static bool TryParse(string? value, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var parsed)) return false;
        if (parsed.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.Fragment)) return false;
        uri = parsed.AbsolutePath.EndsWith('/') ? parsed : new Uri(parsed + "/");
        return true;
    }
}
