using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.Calendar.Obligations;

/// <summary>
/// Who must act on an obligation: the base's own organisation, the local authority of one jurisdiction, or the
/// designating authority whose jurisdiction covers <see cref="JurisdictionCode"/>.
/// </summary>
public sealed record ObligationAudience(ObligationParty Party, string JurisdictionCode, Guid? OrganizationId = null)
{
    public bool Includes(Role role, string? userJurisdiction, Guid? userOrganization, JurisdictionTree tree) => Party switch
    {
        ObligationParty.Base => role == Role.Applicant && userOrganization is not null && userOrganization == OrganizationId,
        ObligationParty.LocalAuthority => RoleNames.LocalOfficers.Contains(role) && userJurisdiction == JurisdictionCode,
        ObligationParty.DesignatingAuthority => role == Role.DesignatingOfficer && userJurisdiction is not null
            && tree.SubtreeCodes(userJurisdiction).Contains(JurisdictionCode),
        _ => false,
    };
}

/// <summary>
/// An obligation, the programme it comes from and who must act on it; <see cref="FiledOn"/> is the day it was done
/// where a feature records that (<see cref="IObligationFilings"/>).
/// </summary>
public sealed record AddressedObligation(Obligation Obligation, string ProgrammeId, ObligationAudience Audience, DateOnly? FiledOn = null)
{
    /// <summary>Calendar days the filing came after the due date (0 when in time); null while not filed.</summary>
    public int? FiledDaysLate => FiledOn is { } f ? Math.Max(0, f.DayNumber - Obligation.DueDate.DayNumber) : null;
}

/// <summary>A programme text that is about to lapse or has lapsed, shown to the officers of its region.</summary>
public sealed record PolicyLapseNotice(string ProgrammeId, string RegionCode, string Message, bool HasLapsed, string Citation);
