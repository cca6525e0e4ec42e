using Exemplar.Domain.Calendar;

namespace Exemplar.Web.Features.Calendar;

/// <summary>
/// One year's State Council holiday notice as stored: the notice in the calendar file format
/// (<see cref="HolidayCalendarJson"/>, one notice per row) plus who entered it and when.
/// </summary>
public sealed class HolidayNoticeRecord
{
    public int Year { get; init; }
    public required string Title { get; set; }
    public string? Number { get; set; }
    /// <summary>The notice as a calendar file holding only this year (format exemplar.cn-holidays/1).</summary>
    public required string NoticeJson { get; set; }
    public required string EnteredBy { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
    /// <summary>True while the row is the product's shipped data (data/calendar/cn-holidays.json), unchanged.</summary>
    public bool IsBuiltIn { get; set; }
    public uint Version { get; set; }

    public HolidayNotice ToNotice() => HolidayCalendarJson.ParseNotices(NoticeJson).Single();

    public static string ToJson(HolidayNotice notice) => HolidayCalendarJson.Serialize([notice]);
}
