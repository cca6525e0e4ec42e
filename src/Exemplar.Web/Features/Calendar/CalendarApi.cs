using System.Globalization;
using Exemplar.Domain.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Calendar;

/// <summary>Public date tools: classify a day, a public notice's end, "within N working days after".</summary>
public static class CalendarApi
{
    public const int MaxWorkingDays = 365;

    public sealed record DayDto(string Date, string Weekday, bool IsWorkingDay, string Kind, string Reason, string? Holiday, bool Provisional);
    public sealed record NoticeEndDto(string Published, int WorkingDays, string Start, string End, bool Provisional, IReadOnlyList<DayDto> CountedDays);
    public sealed record WithinDto(string Event, int WorkingDays, string Due, bool Provisional, IReadOnlyList<DayDto> CountedDays);
    public sealed record CoverageDto(IReadOnlyList<int> CoveredYears);

    public static void MapCalendarApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calendar").AllowAnonymous();
        group.MapGet("/days/{date}", async Task<Results<Ok<DayDto>, ProblemHttpResult>> (string date, CalendarService calendars, CancellationToken ct) =>
        {
            if (!TryDate(date, out var d)) return BadDate("date", date);
            return TypedResults.Ok(Day((await calendars.GetAsync(ct)).Classify(d)));
        }).WithSummary("查询某日是否工作日（公开）");

        group.MapGet("/notice-end", async Task<Results<Ok<NoticeEndDto>, ProblemHttpResult>> (
            string? published, string? workingDays, CalendarService calendars, CancellationToken ct) =>
        {
            if (!TryDate(published, out var p)) return BadDate("published", published);
            if (!TryCount(workingDays, out var n)) return BadCount(workingDays);
            var calendar = await calendars.GetAsync(ct);
            var period = calendar.PublicNotice(p, n);
            return TypedResults.Ok(new NoticeEndDto(Iso(p), n, Iso(period.Start), Iso(period.End), period.IsProvisional,
                [.. CountedDays(calendar, period.Start, period.End)]));
        }).WithSummary("公示期结束日：自发布日（非工作日则顺延）起算N个工作日（公开）");

        group.MapGet("/within", async Task<Results<Ok<WithinDto>, ProblemHttpResult>> (
            [FromQuery(Name = "event")] string? eventDay, string? workingDays, CalendarService calendars, CancellationToken ct) =>
        {
            if (!TryDate(eventDay, out var e)) return BadDate("event", eventDay);
            if (!TryCount(workingDays, out var n)) return BadCount(workingDays);
            var calendar = await calendars.GetAsync(ct);
            var due = calendar.WithinWorkingDaysAfter(e, n);
            return TypedResults.Ok(new WithinDto(Iso(e), n, Iso(due.Date), due.IsProvisional, [.. CountedDays(calendar, e.AddDays(1), due.Date)]));
        }).WithSummary("事件发生后N个工作日内的最后一日（公开）");

        group.MapGet("/years", async Task<Ok<CoverageDto>> (CalendarService calendars, CancellationToken ct) =>
            TypedResults.Ok(new CoverageDto((await calendars.GetAsync(ct)).CoveredYears))).WithSummary("已录入节假日安排的年份（公开）");
    }

    /// <summary>The working days from <paramref name="from"/> to <paramref name="to"/>, in order (the ones counted).</summary>
    public static IEnumerable<DayDto> CountedDays(HolidayCalendar calendar, DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
            if (calendar.IsWorkingDay(d)) yield return Day(calendar.Classify(d));
    }

    public static DayDto Day(DayInfo i) =>
        new(Iso(i.Date), i.Weekday, i.IsWorkingDay, i.Kind.ToString(), i.Reason, i.HolidayName, i.IsProvisional);

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact((text ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= 1999 and <= 2199;

    public static bool TryCount(string? text, out int n) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out n) && n is >= 1 and <= MaxWorkingDays;

    private static ProblemHttpResult BadDate(string field, string? value) => TypedResults.Problem(
        title: "日期无效", statusCode: 400,
        detail: $"参数 {field} 的值“{value}”不是有效日期：应为YYYY-MM-DD格式，年份在1999至2199之间。");

    private static ProblemHttpResult BadCount(string? value) => TypedResults.Problem(
        title: "工作日数无效", statusCode: 400,
        detail: $"参数 workingDays 的值“{value}”无效：应为1至{MaxWorkingDays}之间的整数。");

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
