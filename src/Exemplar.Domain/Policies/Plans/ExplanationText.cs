using System.Globalization;

namespace Exemplar.Domain.Policies.Plans;

/// <summary>
/// The pieces explanations are built from, formatted once and reused: whole numbers, dates, and per-condition phrases
/// that depend on one whole number (“52家”, “还差 3 人”). Each piece is made by the same formatting the engine always
/// used (<c>0.##</c>, 2026年3月31日); the caches only keep the result. Filling is lock-free: two threads racing on one
/// slot write equal strings.
/// </summary>
internal static class ExplanationText
{
    private const int SmallInts = 4096;
    private static readonly string[] Ints = Enumerable.Range(0, SmallInts).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    // 1900-01-01 to 2149-12-31: every date a profile may hold (founding from 1949, penalties from 1990, deadlines).
    private static readonly int FirstDay = new DateOnly(1900, 1, 1).DayNumber;
    private static readonly string?[] Dates = new string?[new DateOnly(2150, 1, 1).DayNumber - new DateOnly(1900, 1, 1).DayNumber];

    public static string Number(decimal d)
    {
        if (AsInt(d) is { } i)
        {
            return (uint)i < SmallInts ? Ints[i] : i.ToString(CultureInfo.InvariantCulture);
        }

        return d.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>The value as an int when it is a whole number in range (formatted alike by <c>0.##</c>).</summary>
    public static int? AsInt(decimal d) =>
        d >= int.MinValue && d <= int.MaxValue && decimal.Truncate(d) == d ? (int)d : null;

    public static string Date(DateOnly d)
    {
        var slot = d.DayNumber - FirstDay;
        if ((uint)slot >= (uint)Dates.Length)
        {
            return Format(d);
        }

        return Dates[slot] ??= Format(d);
    }

    private static string Format(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}

/// <summary>Phrases of one condition keyed by a small whole number, made on first use.</summary>
internal sealed class PhraseCache(Func<int, string> make, int size = 1024)
{
    private readonly string?[] items = new string?[size];

    public string Get(int i) => (uint)i < (uint)items.Length ? items[i] ??= make(i) : make(i);

    /// <summary>The phrase for a whole number; <paramref name="slow"/> for any other value.</summary>
    public string Get(decimal d, Func<decimal, string> slow) =>
        ExplanationText.AsInt(d) is { } i && (uint)i < (uint)items.Length ? items[i] ??= make(i) : slow(d);
}
