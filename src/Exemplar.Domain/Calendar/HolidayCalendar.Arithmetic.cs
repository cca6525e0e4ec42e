namespace Exemplar.Domain.Calendar;

public sealed partial class HolidayCalendar
{
    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public ComputedDate NextWorkingDay(DateOnly date) => NthWorkingDayAfter(date, 1);

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public ComputedDate PreviousWorkingDay(DateOnly date) => NthWorkingDayBefore(date, 1);

    /// <summary><paramref name="date"/> itself if it is a working day, else the next working day.</summary>
    public ComputedDate WorkingDayOnOrAfter(DateOnly date) =>
        IsWorkingDay(date) ? new ComputedDate(date, !IsDecided(date)) : NextWorkingDay(date);

    /// <summary>
    /// The <paramref name="n"/>-th working day strictly after <paramref name="date"/> (n ≥ 1). Provisional if any day
    /// from the day after <paramref name="date"/> up to the result is not decided by a notice.
    /// </summary>
    public ComputedDate NthWorkingDayAfter(DateOnly date, int n) => Step(date, n, +1);

    /// <summary>The <paramref name="n"/>-th working day strictly before <paramref name="date"/> (n ≥ 1).</summary>
    public ComputedDate NthWorkingDayBefore(DateOnly date, int n) => Step(date, n, -1);

    /// <summary>
    /// "在……后N个工作日内": the last day to act after an event on <paramref name="eventDay"/> is the
    /// N-th working day after it (the event day itself is not counted, whatever kind of day it is).
    /// A change completed on 2025-09-26 with 10 working days must be filed by 2025-10-16.
    /// </summary>
    public ComputedDate WithinWorkingDaysAfter(DateOnly eventDay, int workingDays) => NthWorkingDayAfter(eventDay, workingDays);

    /// <summary>
    /// A public notice (公示) of <paramref name="workingDays"/> working days published on <paramref name="publishedOn"/>:
    /// it starts that day if it is a working day, else on the next working day; the start is day 1; it ends at the
    /// end of the N-th working day. 15 working days published 2025-09-26 end on 2025-10-22.
    /// </summary>
    public PublicNoticePeriod PublicNotice(DateOnly publishedOn, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var start = WorkingDayOnOrAfter(publishedOn);
        var provisional = start.IsProvisional || AnyUndecided(publishedOn, start.Date);
        var end = workingDays == 1 ? start : NthWorkingDayAfter(start.Date, workingDays - 1);
        return new PublicNoticePeriod(publishedOn, start.Date, end.Date, workingDays, provisional || end.IsProvisional);
    }

    /// <summary>Working days from <paramref name="from"/> to <paramref name="to"/>, both included (0 if to &lt; from).</summary>
    public WorkingDayCount CountWorkingDays(DateOnly from, DateOnly to)
    {
        var count = 0;
        var provisional = false;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
            provisional |= !IsDecided(d);
        }
        return new WorkingDayCount(count, provisional);
    }

    private ComputedDate Step(DateOnly date, int n, int direction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var provisional = false;
        var d = date;
        while (n > 0)
        {
            d = d.AddDays(direction);
            provisional |= !IsDecided(d);
            if (IsWorkingDay(d))
            {
                n--;
            }
        }
        return new ComputedDate(d, provisional);
    }

    private bool AnyUndecided(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (!IsDecided(d))
            {
                return true;
            }
        }
        return false;
    }
}
