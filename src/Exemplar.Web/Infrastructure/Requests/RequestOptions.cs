namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>Request-level limits and deployment facts (section <c>Exemplar</c>; see README "Deployment and security").</summary>
public sealed class RequestOptions
{
    /// <summary>
    /// The address people reach the product at (e.g. <c>https://sfjd.example.gov.cn</c>): every link the product sends
    /// out (survey links, later notices and certificates) is built from it, never from the request's Host header.
    /// Required in Production.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Largest request body a visitor who is not signed in may send (default 1 MB); more is answered 413.</summary>
    public long AnonymousMaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Seconds a client is told to wait (Retry-After) when the database cannot be reached.</summary>
    public int RetryAfterSeconds { get; set; } = 10;

    /// <summary>Reverse proxies whose X-Forwarded-For/-Proto are believed (IP addresses); loopback is always trusted.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Strict-Transport-Security max-age in days, sent on HTTPS responses outside Development (0 turns it off).</summary>
    public int HstsDays { get; set; } = 365;
}
