namespace Exemplar.Domain.Policies;

/// <summary>One requirement of a policy, with the article that asks for it and the words of the text.</summary>
public abstract record Condition
{
    public required string Id { get; init; }
    /// <summary>E.g. 第六条第（三）项.</summary>
    public required string Citation { get; init; }
    /// <summary>The article heading the citation lives in (第六条, or 二、申报条件 for the call text).</summary>
    public required string Article { get; init; }
    /// <summary>Plain-Chinese statement of the requirement.</summary>
    public required string Requirement { get; init; }
    /// <summary>Short quote of the source text.</summary>
    public string? Quote { get; init; }
    public IReadOnlyList<string> Checklist { get; init; } = [];
    /// <summary>How the product reads words the text leaves open (e.g. “学历和职称” read as either one), shown with the requirement.</summary>
    public string? Interpretation { get; init; }
    public string JsonPath { get; init; } = "$";

    /// <summary>Qualitative items do not decide the overall quantitative verdict.</summary>
    public virtual bool IsQuantitative => true;
}

/// <summary>Qualifier word from the text (以上, 不少于 …) with the comparison it means; 原则上 is kept as a hedge.</summary>
public sealed record Bound(string QualifierWord, Comparison Comparison, decimal Value, string Unit, string? Hedge);

/// <summary>Counts only enterprises registered in a place (北京办法第六条第（五）项 入驻本市小型、微型企业).</summary>
public sealed record RegionFilter(IReadOnlyList<string> DivisionPrefixes, string PlaceName);

public sealed record ThresholdCondition : Condition
{
    public required string Fact { get; init; }
    public required Bound Bound { get; init; }
    /// <summary>Set when <see cref="Fact"/> is a <see cref="FactType.DivisionCounts"/> fact: the count registered here.</summary>
    public RegionFilter? RegisteredIn { get; init; }
}

public sealed record RatioCondition : Condition
{
    public required string Numerator { get; init; }
    public required string Denominator { get; init; }
    /// <summary>Bound.Value is a percentage.</summary>
    public required Bound Bound { get; init; }
}

public sealed record DurationCondition : Condition
{
    public required string Fact { get; init; }
    /// <summary>Bound.Value is whole years.</summary>
    public required Bound Bound { get; init; }
}

public sealed record GrowthCondition : Condition
{
    public required string Fact { get; init; }
    /// <summary>Bound.Value is the year-on-year growth in percent of the latest year over the year before.</summary>
    public required Bound Bound { get; init; }
}

/// <summary>A division code fact (registration or location) must start with one of the prefixes.</summary>
public sealed record RegistrationCondition : Condition
{
    public required string Fact { get; init; }
    public required IReadOnlyList<string> DivisionPrefixes { get; init; }
    public required string PlaceName { get; init; }
}

public sealed record LookbackCondition : Condition
{
    public required string Fact { get; init; }
    public required int Years { get; init; }
    public required string QualifierWord { get; init; }
    public required IReadOnlyList<string> DisqualifyingKinds { get; init; }
}

/// <summary>The carrier's type must be one the text's 第三条 names (Beijing's list ends in 等载体: others go to review).</summary>
public sealed record CarrierTypeCondition : Condition
{
    public required IReadOnlyList<CarrierTypeEntry> Types { get; init; }
    public required bool OpenEnded { get; init; }
}

public sealed record AttestationCondition : Condition
{
    public required string Attestation { get; init; }
    public bool EvidenceRequired { get; init; } = true;
}

public sealed record ReviewCondition : Condition
{
    public override bool IsQuantitative => false;
}

public sealed record AppliesWhen(string Fact, string EqualsValue);

public sealed record Branch(string Id, string Label, AppliesWhen? AppliesWhen, IReadOnlyList<Condition> Conditions);

/// <summary>Any one applicable branch met is enough (Beijing 60/60% or 40/80%; Kunming area by base type).</summary>
public sealed record AlternativesCondition : Condition
{
    public required IReadOnlyList<Branch> Branches { get; init; }
}

public sealed record MeasureRequirement(string Measure, Bound Bound, string? Quote);

public sealed record FunctionRequirement(
    string Function,
    string Label,
    string Citation,
    string? Quote,
    IReadOnlyList<MeasureRequirement> Measures,
    IReadOnlyList<string> Checklist);

/// <summary>At least K of the listed service functions at their annual volumes.</summary>
public sealed record KOfNCondition : Condition
{
    public required int K { get; init; }
    public required string QualifierWord { get; init; }
    public required IReadOnlyList<FunctionRequirement> Functions { get; init; }
}
