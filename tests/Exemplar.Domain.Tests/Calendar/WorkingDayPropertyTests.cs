using Exemplar.Domain.Calendar;
using FsCheck;
using FsCheck.Fluent;

namespace Exemplar.Domain.Tests.Calendar;

public class WorkingDayPropertyTests
{
    private static readonly HolidayCalendar Calendar = ShippedCalendar.Instance;
    private static readonly DateOnly First = new(2016, 12, 1);

    // Dates from December 2016 to the end of 2027 (uncovered 2027 included) and counts up to 60.
    private static readonly Arbitrary<(DateOnly Date, int N)> DateAndCount =
        (from offset in Gen.Choose(0, 4048)
         from n in Gen.Choose(1, 60)
         select (First.AddDays(offset), n)).ToArbitrary();

    private static void Holds(Func<(DateOnly Date, int N), bool> property) =>
        Check.QuickThrowOnFailure(Prop.ForAll(DateAndCount, property));

    [Fact]
    public void NthWorkingDayAfterIsAWorkingDayLaterThanTheStart() =>
        Holds(c =>
        {
            var d = Calendar.NthWorkingDayAfter(c.Date, c.N).Date;
            return d > c.Date && Calendar.IsWorkingDay(d) && Calendar.Classify(d).IsWorkingDay;
        });

    [Fact]
    public void CountingBackNWorkingDaysGivesXIfWorkingElseTheWorkingDayBeforeX() =>
        Holds(c =>
        {
            var d = Calendar.NthWorkingDayAfter(c.Date, c.N).Date;
            var expected = Calendar.IsWorkingDay(c.Date) ? c.Date : Calendar.PreviousWorkingDay(c.Date).Date;
            return Calendar.NthWorkingDayBefore(d, c.N).Date == expected;
        });

    [Fact]
    public void CountingBackNMinusOneGivesTheNextWorkingDayAfterX() =>
        Holds(c =>
        {
            var d = Calendar.NthWorkingDayAfter(c.Date, c.N).Date;
            var first = c.N == 1 ? d : Calendar.NthWorkingDayBefore(d, c.N - 1).Date;
            return first == Calendar.NextWorkingDay(c.Date).Date;
        });

    [Fact]
    public void ExactlyNWorkingDaysLieAfterXUpToTheResult() =>
        Holds(c => Calendar.CountWorkingDays(c.Date.AddDays(1), Calendar.NthWorkingDayAfter(c.Date, c.N).Date).Count == c.N);

    [Fact]
    public void NoticePeriodStartsOnFirstWorkingDayAndSpansNWorkingDays() =>
        Holds(c =>
        {
            var p = Calendar.PublicNotice(c.Date, c.N);
            return p.Start >= c.Date && p.End >= p.Start
                && Calendar.IsWorkingDay(p.Start) && Calendar.IsWorkingDay(p.End)
                && Calendar.CountWorkingDays(c.Date, p.Start.AddDays(-1)).Count == 0
                && Calendar.CountWorkingDays(p.Start, p.End).Count == c.N;
        });

    [Fact]
    public void ResultsAreStrictlyMonotonicInN() =>
        Holds(c =>
            Calendar.NthWorkingDayAfter(c.Date, c.N + 1).Date > Calendar.NthWorkingDayAfter(c.Date, c.N).Date
            && Calendar.PublicNotice(c.Date, c.N + 1).End > Calendar.PublicNotice(c.Date, c.N).End);

    [Fact]
    public void ProvisionalExactlyWhenAnInspectedDayIsUndecided() =>
        Holds(c =>
        {
            var r = Calendar.NthWorkingDayAfter(c.Date, c.N);
            // Decided days run from 2017-01-01 to 2026-12-21; the walk inspects (X, result].
            var touchesUndecided = c.Date < new DateOnly(2016, 12, 31) || r.Date >= new DateOnly(2026, 12, 22);
            return r.IsProvisional == touchesUndecided;
        });
}
