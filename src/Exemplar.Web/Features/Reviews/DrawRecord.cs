namespace Exemplar.Web.Features.Reviews;

/// <summary>
/// Everything a draw used and gave, frozen as canonical JSON with its SHA-256 on the review: the seed, the settings,
/// the eligible pool (as it was), each application with the version reviewed and its computed exclusions, and the panels.
/// </summary>
public sealed record DrawRecord(
    Guid CallId, long Seed, int PanelSize, int Reserves, bool ExcludeSameCounty, DateTimeOffset DrawnAt, string DrawnBy, string Witnesses,
    IReadOnlyList<DrawPoolMember> Pool, IReadOnlyList<DrawApplication> Applications, IReadOnlyList<DrawPanel> Panels);

public sealed record DrawPoolMember(Guid Id, string Name, string Employer, string EmployerUscc, string Region);

public sealed record DrawApplication(Guid Id, string? Receipt, string Carrier, int Version, IReadOnlyList<DrawExclusion> Exclusions);

public sealed record DrawExclusion(Guid Expert, string Reason);

public sealed record DrawPanel(Guid Application, IReadOnlyList<Guid> Panel, IReadOnlyList<Guid> Reserves);
