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

    /// <summary>
    /// A ratio in percent truncated to 2 decimals (the <c>Math.Round(n × 100 / d, 2, ToZero)</c> of the rules), for
    /// whole numbers up to 10⁹ with a positive divisor: the value as hundredths (computed exactly in integers, where
    /// the decimal division rounds only beyond the 15th decimal, so both truncate alike), or null for other values.
    /// </summary>
    public static long? PercentHundredths(decimal numerator, decimal denominator)
    {
        if (Key(numerator) is not { } n || Key(denominator) is not { } d || d <= 0 || n < -Limit || n > Limit || d > Limit)
        {
            return null;
        }

        return (long)n * 10000 / d; // integer division truncates toward zero, as ToZero does
    }

    private const int Limit = 1_000_000_000;

    /// <summary>The decimal worth <paramref name="hundredths"/> / 100.</summary>
    public static decimal FromHundredths(long hundredths) =>
        new((int)(Math.Abs(hundredths) & 0xFFFFFFFF), (int)(Math.Abs(hundredths) >> 32), 0, hundredths < 0, 2);

    /// <summary>Hundredths written as <see cref="Number"/> writes their value (<c>0.##</c>).</summary>
    public static string Hundredths(long hundredths)
    {
        var magnitude = Math.Abs(hundredths);
        var (whole, fraction) = (magnitude / 100, magnitude % 100);
        if (fraction == 0)
        {
            return hundredths < 0 ? "-" + Number(whole) : Number(whole);
        }

        var sign = hundredths < 0 ? "-" : string.Empty;
        return fraction % 10 == 0
            ? string.Concat(sign, Number(whole), ".", Ints[fraction / 10])
            : string.Concat(sign, Number(whole), fraction < 10 ? ".0" : ".", Ints[fraction]);
    }

    /// <summary>The value as an int when it is a whole number in range (formatted alike by <c>0.##</c>).</summary>
    public static int? AsInt(decimal d) =>
        d >= int.MinValue && d <= int.MaxValue && decimal.Truncate(d) == d ? (int)d : null;

    /// <summary>A cache key for a whole number written without decimals (52, not 52.0: the two differ in JSON).</summary>
    public static int? Key(decimal d)
    {
        // Read the bits rather than compare decimals: this runs for every number of every evaluation.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(d, bits);
        if (bits[1] != 0 || bits[2] != 0 || (bits[3] & 0x00FF0000) != 0 || bits[0] < 0)
        {
            return null;
        }

        return bits[3] < 0 ? -bits[0] : bits[0];
    }

    /// <summary>
    /// A cache key for any decimal of up to 32 bits of digits (52, 52.0, 95.5): its exact representation — digits,
    /// sign and scale — so one key is one value written one way.
    /// </summary>
    public static long? ValueKey(decimal d)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(d, bits);
        if (bits[1] != 0 || bits[2] != 0)
        {
            return null;
        }

        return ((long)(bits[3] & unchecked((int)0x80FF0000)) << 16) | (uint)bits[0];
    }

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

/// <summary>Texts of one condition that depend on one day only (the reference date, the deadline), kept per day, direct-mapped.</summary>
internal sealed class DayTexts
{
    private readonly Kept?[] items = new Kept?[64];

    private sealed record Kept(int Day, string Text);

    public string? Find(DateOnly day) => items[day.DayNumber & (items.Length - 1)] is { } k && k.Day == day.DayNumber ? k.Text : null;

    public string Keep(DateOnly day, string text)
    {
        items[day.DayNumber & (items.Length - 1)] = new Kept(day.DayNumber, text);
        return text;
    }
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

/// <summary>
/// Results that depend only on a key (a whole-number value, a carrier type, a state) and the fact's source are made
/// once per condition and shared: a <see cref="ConditionResult"/> is immutable, so every evaluation that reads the
/// same value from the same kind of source gets an equal result, and this one is it. Direct-mapped by key, three ways
/// matched by key and source. Each slot is written once (claimed, filled, then published), so a reader never sees a
/// key with another key's result; when all three ways are taken, a result is not shared. The key, source and state
/// sit in the slot itself, so a look-up reads the slot only, not the (often cold) result object.
/// </summary>
internal sealed class ResultSlots(int size)
{
    private const int Ways = 3;
    private const int Empty = 0, Writing = 1, Ready = 2;
    private readonly uint mask = (uint)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)size) - 1;
    private readonly Slot[] items = new Slot[System.Numerics.BitOperations.RoundUpToPowerOf2((uint)size) * Ways];

    private struct Slot
    {
        public int Filled;
        public ResultState State;
        public long Key;
        public string? Source;
        public ConditionResult? Result;
    }

    /// <summary>Slots in all; a slot is below this.</summary>
    public int Capacity => items.Length;

    /// <summary>The shared result for the key and source with its slot, or null with the slot to fill (−1: none free).</summary>
    public ConditionResult? Find(long key, string? source, out int slot) => Find(key, source, out slot, out _);

    /// <summary>As <see cref="Find(long, string?, out int)"/>, with the shared result's state.</summary>
    public ConditionResult? Find(long key, string? source, out int slot, out ResultState state)
    {
        var first = (int)((uint)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32) & mask) * Ways;
        slot = -1;
        for (var i = first; i < first + Ways; i++)
        {
            ref var s = ref items[i];
            var filled = Volatile.Read(ref s.Filled);
            if (filled == Empty)
            {
                slot = i;
                break;
            }

            if (filled == Ready && s.Key == key && (ReferenceEquals(s.Source, source) || string.Equals(s.Source, source, StringComparison.Ordinal)))
            {
                slot = i;
                state = s.State;
                return s.Result;
            }
        }

        state = default;
        return null;
    }

    /// <summary>Shares the result in the slot <see cref="Find(long, string?, out int)"/> gave, if it is still free.</summary>
    public ConditionResult Keep(long key, int slot, ConditionResult result)
    {
        if (slot >= 0 && Interlocked.CompareExchange(ref items[slot].Filled, Writing, Empty) == Empty)
        {
            ref var s = ref items[slot];
            s.Key = key;
            s.Source = result.Source;
            s.State = result.State;
            s.Result = result;
            Volatile.Write(ref s.Filled, Ready);
        }

        return result;
    }
}
