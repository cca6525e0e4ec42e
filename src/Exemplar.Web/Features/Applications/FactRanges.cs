using System.Globalization;
using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// The range a typed figure must fall in, by its unit: percentages 0–100; counts (家、人、个、次、家次、人次、项、件)
/// whole numbers up to 1,000,000; areas up to 10,000,000 平方米; money up to 100,000,000 万元; dates from 1949-10-01 to
/// the reference date (things that have already happened).
/// </summary>
public static class FactRanges
{
    private static readonly HashSet<string> Counts = ["家", "人", "个", "次", "家次", "人次", "项", "件"];

    public static string? NumberProblem(FactDefinition def, decimal value)
    {
        var (max, whole) = def.Unit switch
        {
            "%" => (100m, false),
            "平方米" => (10_000_000m, false),
            "万元" => (100_000_000m, false),
            { } u when Counts.Contains(u) => (1_000_000m, true),
            _ => (1_000_000_000m, false),
        };
        if (value < 0 || value > max) return $"{def.Label}应在0至{max.ToString("#,0", CultureInfo.InvariantCulture)}{def.Unit}之间。";
        if (whole && value != decimal.Truncate(value)) return $"{def.Label}应为整数（{def.Unit}）。";
        if (decimal.Round(value, 2) != value) return $"{def.Label}最多保留两位小数。";
        return null;
    }

    public static string? DateProblem(FactDefinition def, DateOnly value, DateOnly referenceDate) =>
        value < new DateOnly(1949, 10, 1) || value > referenceDate
            ? $"{def.Label}应在1949年10月1日至条件核定基准日（{referenceDate.Year}年{referenceDate.Month}月{referenceDate.Day}日）之间。"
            : null;
}
