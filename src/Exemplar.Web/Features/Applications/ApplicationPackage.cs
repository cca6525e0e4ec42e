using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// What a submission freezes, written as canonical JSON (<see cref="ApplicationJson"/>) and hashed as a whole: the
/// profile and eligibility result with the policy hash, and every record the official forms print (residents with two
/// years of figures, staff and mentors, partner agencies, the year's service activities, the satisfaction answers, the
/// report's narrative), then the materials with their hashes and the declaration. <see cref="ReportData"/> is the part a
/// stamped report shows; it is locked when the report is generated and submitted exactly as locked.
/// </summary>
public sealed record ApplicationPackage(
    string Schema,
    /// <summary>The locked <see cref="ReportData"/> exactly as locked.</summary>
    System.Text.Json.JsonElement Report,
    IReadOnlyList<PackageMaterial> Materials,
    PackageDeclaration? Declaration,
    IReadOnlyList<string> Warnings,
    PackageSubmission Submission)
{
    public const string SchemaId = "exemplar.application.v1";
}

public sealed record ReportData(
    PackageCall Call,
    PackageCarrier Carrier,
    PackageOperator Operator,
    ApplicantDetails Details,
    int ProfileYear,
    IReadOnlyList<PackageFact> Facts,
    PolicyEvaluationDto Eligibility,
    IReadOnlyList<PackageResident> Residents,
    IReadOnlyList<PackageStaff> Staff,
    IReadOnlyList<PackagePartner> Partners,
    IReadOnlyList<PackageActivity> Activities,
    IReadOnlyList<PackageSatisfaction> Satisfaction,
    IReadOnlyList<PackageNarrative> Narratives);

public sealed record PackageCall(Guid Id, string Title, string ProgrammeId, string PolicyVersion, string PolicyHash, int Year,
    DateOnly ReferenceDate, DateOnly ApplicationDeadline);

public sealed record PackageCarrier(Guid Id, string Name, string Kind, string JurisdictionCode, string JurisdictionName,
    IReadOnlyList<string> LeadingIndustries, string PrimaryType, decimal Area, decimal PublicServiceArea, DateOnly EstablishedOn);

public sealed record PackageOperator(Guid Id, string Name, string? Uscc);

/// <summary>One profile fact: the value counted, its source, and for a typed figure the ledger's figure it replaced and why.</summary>
public sealed record PackageFact(string Key, string Label, string Value, string Source, string? LedgerValue, string? Reason);

public sealed record PackageResidentYear(int Year, int Employees, decimal RevenueWan, int PatentsApplied, int PatentsHeld,
    int HighTechRecognitions, int TechSmeRecognitions, int OtherOutcomes);

public sealed record PackageResident(Guid Id, string Name, string Uscc, DateOnly EntryDate, DateOnly? ExitDate, string Industry,
    bool InLeadingIndustry, string Size, string? ContactName, string? ContactPhone, IReadOnlyList<PackageResidentYear> Years);

public sealed record PackageStaff(Guid Id, string Name, string Position, bool FullTime, string Education, string Title,
    string? MentorCertificate, decimal YearsAtBase, bool BachelorOrAbove, bool IntermediateTitleOrAbove);

public sealed record PackagePartner(Guid Id, string Name, DateOnly AgreementFrom, DateOnly? AgreementTo, string Services);

/// <summary>One service activity of the profile year (开展服务活动情况表): 场次 are activities, 户 distinct enterprises.</summary>
public sealed record PackageActivity(Guid Id, string Function, DateOnly Date, string Place, string Form, string Topic, int PersonCount,
    string Fee, int EnterpriseVisits, IReadOnlyList<string> Enterprises, string? Outcome);

/// <summary>One enterprise's answer to the year's satisfaction survey (入驻小微企业服务满意度评价表).</summary>
public sealed record PackageSatisfaction(Guid EnterpriseId, string EnterpriseName, string? ContactName, string? ContactPhone,
    string ServicesReceived, bool Satisfied);

public sealed record PackageNarrative(string Key, string Heading, string Text);

public sealed record PackageMaterial(Guid SlotId, string? Citation, string Item, string FileName, string Sha256, long Size);

public sealed record PackageDeclaration(string AcceptedBy, DateTimeOffset AcceptedAt, string? StampedFileSha256);

public sealed record PackageSubmission(Guid ApplicationId, int Version, string ReceiptNumber, string SubmittedBy, DateTimeOffset SubmittedAt,
    string LockedReportHash);
