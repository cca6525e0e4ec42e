namespace Exemplar.Domain.Policies;

/// <summary>
/// GB/T 2260 administrative division codes as facts hold them: six digits whose first two name a province-level
/// division that exists. Whether a prefecture or county exists is checked by the web against its jurisdiction tree
/// where the tree covers that prefecture; the domain holds only the 34 province-level codes.
/// </summary>
public static class DivisionCodes
{
    public static readonly IReadOnlySet<string> Provinces = new HashSet<string>(StringComparer.Ordinal)
    {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    };

    /// <summary>Null when <paramref name="code"/> is a plausible six-digit code, else the Chinese reason naming <paramref name="label"/>.</summary>
    public static string? Check(string code, string label)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return $"“{label}”应为 6 位数字的行政区划代码（GB/T 2260），如 530102，您填写了“{Shorten(code)}”。";
        }

        return Provinces.Contains(code[..2])
            ? null
            : $"“{label}”的前两位“{code[..2]}”不是省级行政区划代码，请核对（如北京 11、山东 37、云南 53、西藏 54）。";
    }

    /// <summary>A prefix or code of 2, 4 or 6 digits (division counts may be given per province or prefecture).</summary>
    public static string? CheckPrefix(string code, string label)
    {
        if (code.Length is not (2 or 4 or 6) || !code.All(char.IsAsciiDigit))
        {
            return $"“{label}”中的注册地应为 2、4 或 6 位数字的行政区划代码（或其前缀），您填写了“{Shorten(code)}”。";
        }

        return Provinces.Contains(code[..2]) ? null : $"“{label}”中的注册地“{code}”不是有效的行政区划代码。";
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
