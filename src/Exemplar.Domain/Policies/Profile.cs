namespace Exemplar.Domain.Policies;

public sealed record YearValue(int Year, decimal Value);

/// <summary>
/// Kind: <c>criminal</c>, <c>seriousAdministrative</c>, <c>administrative</c> or <c>seriousDishonesty</c>. Subject:
/// <c>unit</c> (the operating unit) or <c>legalRepresentative</c> (北京办法第六条第（二）项 counts both).
/// </summary>
public sealed record Penalty(DateOnly Date, string Kind, string? Description, string Subject = Penalty.Unit)
{
    public const string Unit = "unit";
    public const string LegalRepresentative = "legalRepresentative";
}

/// <summary>How many enterprises are registered in one division (a GB/T 2260 code or its 2- or 4-digit prefix).</summary>
public sealed record DivisionCount(string Division, decimal Count);

public sealed record Attestation(bool Value, IReadOnlyList<string> Evidence);

/// <summary>One fact with where it came from ("form", "ledger", "hand-entered" …).</summary>
public sealed record Fact(object Value, string Source)
{
    public decimal? AsNumber => Value as decimal?;
    public DateOnly? AsDate => Value as DateOnly?;
    public string? AsText => Value as string;
    public bool? AsBoolean => Value as bool?;
    public IReadOnlyList<YearValue>? AsSeries => Value as IReadOnlyList<YearValue>;
    public IReadOnlyList<Penalty>? AsPenalties => Value as IReadOnlyList<Penalty>;
    public Attestation? AsAttestation => Value as Attestation;
    public IReadOnlyList<DivisionCount>? AsDivisionCounts => Value as IReadOnlyList<DivisionCount>;
}

/// <summary>Facts about one base or platform, as of a reference date.</summary>
public sealed class Profile
{
    public Profile(DateOnly referenceDate, DateOnly? applicationDeadline, IReadOnlyDictionary<string, Fact> facts, string? name = null)
    {
        ReferenceDate = referenceDate;
        ApplicationDeadline = applicationDeadline;
        Facts = facts;
        Name = name;
    }

    public string? Name { get; }
    public DateOnly ReferenceDate { get; }
    public DateOnly? ApplicationDeadline { get; }
    public IReadOnlyDictionary<string, Fact> Facts { get; }

    public Fact? Get(string key) => Facts.TryGetValue(key, out var fact) ? fact : null;

    /// <summary>Returns a copy with one fact replaced, or removed when <paramref name="fact"/> is null.</summary>
    public Profile With(string key, Fact? fact)
    {
        var copy = new Dictionary<string, Fact>(Facts, StringComparer.Ordinal);
        if (fact is null)
        {
            copy.Remove(key);
        }
        else
        {
            copy[key] = fact;
        }

        return new Profile(ReferenceDate, ApplicationDeadline, copy, Name);
    }

    public Profile WithDates(DateOnly referenceDate, DateOnly? applicationDeadline) =>
        new(referenceDate, applicationDeadline, Facts, Name);
}
