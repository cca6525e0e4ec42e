namespace Exemplar.Domain.Ledger;

/// <summary>A participating enterprise: a resident one (by id) or another one by name.</summary>
public sealed record Participant(Guid? ResidentId, string Name)
{
    /// <summary>Identity used for counting distinct enterprises and same-day repeats.</summary>
    public string Key => ResidentId is { } id ? id.ToString("N") : "name:" + Name.Trim();
}

/// <summary>One ledger entry as the metric functions see it.</summary>
public sealed record EntryFact(
    Guid Id,
    ServiceFunction Function,
    DateOnly Date,
    ServiceForm Form,
    EventTopic Topic,
    int PersonCount,
    FeeClass Fee,
    IReadOnlyList<Participant> Participants,
    string Place = "",
    bool HasFeedback = true);

public sealed record ResidentYear(int Year, int Employees, decimal RevenueWan, int InnovationOutcomes);

public sealed record ResidentFact(
    Guid Id,
    string Name,
    DateOnly EntryDate,
    DateOnly? ExitDate,
    SizeClass Size,
    bool InLeadingIndustry,
    IReadOnlyList<ResidentYear> Years,
    string? Uscc = null,
    string Industry = "")
{
    /// <summary>Resident on <paramref name="date"/>: entered on or before it and not yet gone (the exit date is the last day).</summary>
    public bool ResidentOn(DateOnly date) => EntryDate <= date && (ExitDate is null || ExitDate.Value >= date);

    public bool IsSmallOrMicro => Size is SizeClass.Small or SizeClass.Micro;

    public ResidentYear? For(int year) => Years.FirstOrDefault(y => y.Year == year);
}

public sealed record StaffFact(Guid Id, string Name, bool FullTime, Education Education, TitleLevel Title, bool Mentor);

public sealed record PartnerFact(Guid Id, string Name, DateOnly From, DateOnly? To)
{
    public bool ActiveOn(DateOnly date) => From <= date && (To is null || To.Value >= date);
}

/// <summary>One satisfaction judgement: an enterprise about one service received.</summary>
public sealed record SatisfactionAnswer(Guid EnterpriseId, ServiceFunction? Function, bool Satisfied);
