using Exemplar.Web.Features.Jurisdictions;

namespace Exemplar.Web.Features.Calendar;

/// <summary>
/// Stand-in designation facts for demo organisations until the designation workflow exists: which programme
/// designated the organisation, when it was announced, and a change it completed. Obligations are derived from these.
/// </summary>
public sealed class DemoDesignation : IHasJurisdiction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string ProgrammeId { get; init; }
    public DateOnly AnnouncedOn { get; set; }
    public DateOnly? ChangeCompletedOn { get; set; }
    public string? JurisdictionCode { get; init; }
    public uint Version { get; set; }
}
