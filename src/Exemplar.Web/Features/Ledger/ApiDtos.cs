namespace Exemplar.Web.Features.Ledger;

public sealed record CarrierSummaryDto(Guid Id, string Name, string Kind, string KindLabel, string JurisdictionCode, string JurisdictionName,
    Guid OrganizationId, string Operator, DateOnly EstablishedOn);

public sealed record CarrierPageDto(int Total, int Page, int PageSize, IReadOnlyList<CarrierSummaryDto> Items);

public sealed record FunctionMetricsDto(string Function, string Label, int EnterpriseVisits, int EnterprisesServed, int Events, int PersonTimes,
    int ExhibitionEvents, int MatchmakingEvents, int BankEnterpriseEvents, int FinanceLectureEvents, int FreeOrLowFeeVisits);

public sealed record RatioDto(int Numerator, int Denominator, decimal? Percent);

public sealed record ResidentsDto(DateOnly Date, int Total, int SmallMicro, int LeadingIndustry, int Employees, int SmallMicroEmployees);

public sealed record YearEndDto(int Year, int SmallMicro, int SmallMicroEmployees, int InnovationOutcomes);

public sealed record StaffDto(int FullTime, int Qualified, decimal? QualifiedPercent, int Mentors);

/// <summary>
/// A carrier's metrics for a year. Units: 家次 enterpriseVisits, 家 enterprisesServed, 次 events, 人次 personTimes.
/// <c>satisfaction</c> counts the overall answers of the operator's survey (satisfied / responding enterprises).
/// </summary>
public sealed record CarrierMetricsDto(
    Guid CarrierId, string CarrierName, int Year, IReadOnlyList<FunctionMetricsDto> Functions, RatioDto FreeOrLowFeeShare,
    RatioDto Satisfaction, ResidentsDto ResidentsAtYearEnd, YearEndDto PreviousYearEnd, YearEndDto ThisYearEnd, StaffDto Staff);
