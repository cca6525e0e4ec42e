namespace Exemplar.Domain.Policies;

public enum Comparison
{
    AtLeast,
    AtMost,
    GreaterThan,
    LessThan,
}

/// <summary>
/// Maps the qualifier word of the text to a comparison. 以上/以下/以内/届满 include the stated number and
/// 不满/超过/以外 exclude it (《民法典》第一千二百五十九条); 不少于/不低于 are ≥, 不超过/不高于 are ≤.
/// </summary>
public static class Qualifier
{
    private static readonly Dictionary<string, Comparison> Map = new(StringComparer.Ordinal)
    {
        ["以上"] = Comparison.AtLeast,
        ["不少于"] = Comparison.AtLeast,
        ["不低于"] = Comparison.AtLeast,
        ["至少"] = Comparison.AtLeast,
        ["届满"] = Comparison.AtLeast,
        ["以下"] = Comparison.AtMost,
        ["以内"] = Comparison.AtMost,
        ["不超过"] = Comparison.AtMost,
        ["不高于"] = Comparison.AtMost,
        ["超过"] = Comparison.GreaterThan,
        // "稳步增长" (Tibet platform) is encoded as growth > 0 %; whether it is "steady" stays with the reviewer.
        ["稳步增长"] = Comparison.GreaterThan,
        ["高于"] = Comparison.GreaterThan,
        ["不满"] = Comparison.LessThan,
        ["低于"] = Comparison.LessThan,
        ["少于"] = Comparison.LessThan,
    };

    public static IReadOnlyCollection<string> Known => Map.Keys;

    public static bool TryParse(string word, out Comparison comparison) => Map.TryGetValue(word, out comparison);

    public static bool Holds(Comparison comparison, decimal actual, decimal required) => comparison switch
    {
        Comparison.AtLeast => actual >= required,
        Comparison.AtMost => actual <= required,
        Comparison.GreaterThan => actual > required,
        Comparison.LessThan => actual < required,
        _ => false,
    };

    public static string Symbol(Comparison comparison) => comparison switch
    {
        Comparison.AtLeast => "≥",
        Comparison.AtMost => "≤",
        Comparison.GreaterThan => ">",
        Comparison.LessThan => "<",
        _ => "?",
    };
}
