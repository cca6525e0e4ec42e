namespace Exemplar.Domain.Calendar;

/// <summary>An inclusive range of calendar dates; a single day has <see cref="From"/> == <see cref="To"/>.</summary>
public readonly record struct DateRange
{
    public DateRange(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"日期范围无效：结束日期{to:yyyy-MM-dd}早于开始日期{from:yyyy-MM-dd}。", nameof(to));
        }
        From = from;
        To = to;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }

    public static DateRange Day(DateOnly day) => new(day, day);

    public int Length => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= From && date <= To;

    public IEnumerable<DateOnly> Days()
    {
        for (var d = From; d <= To; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    public override string ToString() => From == To ? Iso(From) : $"{Iso(From)}..{Iso(To)}";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
