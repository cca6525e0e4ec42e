using System.Globalization;

namespace Exemplar.Web.Features.Documents.Building;

/// <summary>How numbers and dates are written in the documents (GB/T 9704: Arabic numerals, 2026年11月21日).</summary>
public static class ChineseFormat
{
    public static string Date(DateOnly? d) => d is { } x ? x.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "";

    /// <summary>The blank date a person fills in by hand: “年　月　日”.</summary>
    public const string BlankDate = "　　　　年　　月　　日";

    public static string YearMonth(DateOnly? d) => d is { } x ? x.ToString("yyyy年M月", CultureInfo.InvariantCulture) : "";

    public static string Number(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Decimals without trailing zeros, at most two places (万元, 平方米).</summary>
    public static string Number(decimal? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A percentage figure without the sign, two decimals at most (88.23).</summary>
    public static string Percent(decimal? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—";

    public static string YesNo(bool? v) => v switch { true => "是", false => "否", null => "" };

    /// <summary>Chinese ordinal for headings: 1 → 一.</summary>
    public static string Ordinal(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n % 10],
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }
}
