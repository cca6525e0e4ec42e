namespace Exemplar.Web.Tests.Security;

public enum Access
{
    /// <summary>The role reaches the endpoint.</summary>
    Allow,
    /// <summary>401/403, or a redirect to sign-in / the 403 page.</summary>
    Deny,
    /// <summary>Allowed for the sample in the user's own jurisdiction or organisation, refused (403/404) for the other one.</summary>
    Own,
}

/// <summary>
/// One endpoint (route pattern as ASP.NET reports it, with a leading slash; Razor "Index" pages by their
/// folder URL) and the expected access of every role. Parameterised routes need a <see cref="Sample"/>:
/// given the signed-in demo user name it returns a URL on a resource in that user's scope and one outside it.
/// </summary>
public sealed record MatrixRow(
    string Method, string Route,
    Access Anonymous, Access Applicant, Access County, Access Prefecture, Access Zone, Access Designating, Access Expert, Access Admin,
    Func<IServiceProvider, string, Task<(string OwnUrl, string OtherUrl)>>? Sample = null)
{
    public Access For(string? role) => role switch
    {
        null => Anonymous,
        "Applicant" => Applicant,
        "CountyOfficer" => County,
        "PrefectureOfficer" => Prefecture,
        "ZoneOfficer" => Zone,
        "DesignatingOfficer" => Designating,
        "Expert" => Expert,
        "Administrator" => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public string Key => $"{Method} {Route}";

    /// <summary>Everyone, signed in or not.</summary>
    public static MatrixRow Public(string method, string route) =>
        new(method, route, Access.Allow, Access.Allow, Access.Allow, Access.Allow, Access.Allow, Access.Allow, Access.Allow, Access.Allow);

    /// <summary>Every signed-in role.</summary>
    public static MatrixRow SignedIn(string method, string route) =>
        new(method, route, Access.Deny, Access.Allow, Access.Allow, Access.Allow, Access.Allow, Access.Allow, Access.Allow, Access.Allow);

    public static MatrixRow AdminOnly(string method, string route) =>
        new(method, route, Access.Deny, Access.Deny, Access.Deny, Access.Deny, Access.Deny, Access.Deny, Access.Deny, Access.Allow);
}

/// <summary>Each feature area lists its endpoints in one class implementing this (found by reflection).</summary>
public interface IMatrixRows
{
    IEnumerable<MatrixRow> Rows { get; }
}
