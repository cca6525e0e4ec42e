namespace Exemplar.Web.Features.Jurisdictions;

public enum JurisdictionKind
{
    Province = 1,
    Prefecture = 2,
    County = 3,
    DevelopmentZone = 4,
}

/// <summary>
/// An administrative division (GB/T 2260 code) or a development zone acting as a recommending authority.
/// Zones have codes of the form "371500Z01" (parent prefecture + Z + sequence) so they can never be
/// mistaken for a GB/T 2260 code.
/// </summary>
public sealed class Jurisdiction
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public string? ParentCode { get; init; }
    public JurisdictionKind Kind { get; init; }
    /// <summary>Materialised path "/540000/540100/540102/" for subtree queries.</summary>
    public required string Path { get; init; }
    public bool IsBuiltIn { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public static string KindLabel(JurisdictionKind kind) => kind switch
    {
        JurisdictionKind.Province => "省级",
        JurisdictionKind.Prefecture => "地市级",
        JurisdictionKind.County => "县级",
        JurisdictionKind.DevelopmentZone => "开发区/园区",
        _ => "未知",
    };
}

/// <summary>Records that belong to a jurisdiction carry its code.</summary>
public interface IHasJurisdiction
{
    string? JurisdictionCode { get; }
}
