namespace Exemplar.Domain.Calendar;

/// <summary>
/// The working-day calendar of mainland China built from the State Council's yearly notices. Dates that no
/// notice lists follow Monday–Friday. Immutable: <see cref="WithNotice"/> returns a new calendar.
/// </summary>
public sealed partial class HolidayCalendar
{
    /// <summary>
    /// A notice may reach back into late December of the previous year (2019's starts on 2018-12-29). Dates from
    /// this day of December onwards are therefore only final once the next year's notice is entered as well.
    /// </summary>
    public const int LateDecemberFrom = 22;

    private readonly SortedDictionary<int, HolidayNotice> _notices;
    private readonly Dictionary<DateOnly, string> _offDays = [];
    private readonly Dictionary<DateOnly, string> _workingWeekends = [];

    private HolidayCalendar(IEnumerable<HolidayNotice> notices)
    {
        _notices = new SortedDictionary<int, HolidayNotice>(notices.ToDictionary(n => n.Year));
        foreach (var notice in _notices.Values)
        {
            foreach (var (date, name) in notice.OffDays())
            {
                _offDays[date] = name;
            }
            foreach (var (date, name) in notice.WorkingWeekends())
            {
                _workingWeekends[date] = name;
            }
        }
    }

    public static HolidayCalendar Empty { get; } = new([]);

    /// <summary>Builds a calendar; throws <see cref="CalendarValidationException"/> listing every problem.</summary>
    public static HolidayCalendar Create(IEnumerable<HolidayNotice> notices)
    {
        var list = notices.ToList();
        var errors = HolidayNoticeValidator.Validate(list);
        return errors.Count == 0 ? new HolidayCalendar(list) : throw new CalendarValidationException(errors);
    }

    public static bool TryCreate(IEnumerable<HolidayNotice> notices, out HolidayCalendar calendar, out IReadOnlyList<string> errors)
    {
        var list = notices.ToList();
        errors = HolidayNoticeValidator.Validate(list);
        calendar = errors.Count == 0 ? new HolidayCalendar(list) : Empty;
        return errors.Count == 0;
    }

    public IReadOnlyCollection<HolidayNotice> Notices => _notices.Values;

    /// <summary>Years that have a notice, ascending.</summary>
    public IReadOnlyList<int> CoveredYears => [.. _notices.Keys];

    public bool Covers(int year) => _notices.ContainsKey(year);

    public HolidayNotice? NoticeFor(int year) => _notices.GetValueOrDefault(year);

    /// <summary>Adds or replaces the notice of its year (validated together with the others).</summary>
    public HolidayCalendar WithNotice(HolidayNotice notice) =>
        Create(_notices.Values.Where(n => n.Year != notice.Year).Append(notice));

    public HolidayCalendar WithoutYear(int year) => new(_notices.Values.Where(n => n.Year != year));

    /// <summary>
    /// True when the notices decide <paramref name="date"/>: its year is covered and, for late-December dates,
    /// the next year's notice (which may list them) is entered too.
    /// </summary>
    public bool IsDecided(DateOnly date) =>
        Covers(date.Year) && (date.Month < 12 || date.Day < LateDecemberFrom || Covers(date.Year + 1));

    public DayInfo Classify(DateOnly date)
    {
        var provisional = !IsDecided(date);
        if (_offDays.TryGetValue(date, out var holiday))
        {
            return new DayInfo(date, DayKind.StatutoryHoliday, holiday, provisional);
        }
        if (_workingWeekends.TryGetValue(date, out var compensated))
        {
            return new DayInfo(date, DayKind.AdjustedWorkingDay, compensated, provisional);
        }
        return new DayInfo(date, ChineseWeekday.IsWeekend(date) ? DayKind.Weekend : DayKind.Workday, null, provisional);
    }

    public bool IsWorkingDay(DateOnly date) =>
        !_offDays.ContainsKey(date) && (_workingWeekends.ContainsKey(date) || !ChineseWeekday.IsWeekend(date));
}
