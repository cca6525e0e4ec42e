using Exemplar.Domain.Calendar;
using static Exemplar.Domain.Tests.Calendar.ShippedCalendar;

namespace Exemplar.Domain.Tests.Calendar;

public class HolidayCalendarJsonTests
{
    [Fact]
    public void ShippedFileRoundTrips()
    {
        var json = HolidayCalendarJson.Serialize(Instance);
        var again = HolidayCalendarJson.Parse(json);
        Assert.Equal(json, HolidayCalendarJson.Serialize(again));
        Assert.Contains("国办发明电〔2024〕12号", json);
        Assert.Equal("国务院办公厅关于延长2020年春节假期的通知", again.NoticeFor(2020)!.AmendmentList.Single().Title);
    }

    [Fact]
    public void ShippedFileNamesEachYearsNotice()
    {
        foreach (var notice in Instance.Notices)
        {
            Assert.Equal($"国务院办公厅关于{notice.Year}年部分节假日安排的通知", notice.Title);
        }
        Assert.Equal("国办发明电〔2024〕12号", Instance.NoticeFor(2025)!.Number);
    }

    [Fact]
    public void WorkingDayThatIsNotAWeekendIsRejected()
    {
        var errors = Errors(Notice(2025, """{ "name": "春节", "off": ["2025-01-28..2025-02-04"], "work": ["2025-01-27"] }"""));
        Assert.Contains(errors, e => e.Contains("调休上班日2025年1月27日是星期一，不是星期六或星期日", StringComparison.Ordinal));
    }

    [Fact]
    public void DateListedAsBothOffAndWorkingIsRejected()
    {
        var errors = Errors(Notice(2025, """{ "name": "春节", "off": ["2025-01-25..2025-02-04"], "work": ["2025-01-26"] }"""));
        Assert.Contains(errors, e => e.Contains("2025年1月26日既被列为放假日又被列为调休上班日", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateDatesAndYearsAreRejected()
    {
        var holiday = """{ "name": "元旦", "off": ["2025-01-01"], "work": [] }, { "name": "新年", "off": ["2025-01-01"], "work": [] }""";
        var errors = Errors(Notice(2025, holiday), Notice(2025, """{ "name": "清明节", "off": ["2025-04-04"], "work": [] }"""));
        Assert.Contains(errors, e => e.Contains("2025年的节假日安排重复录入", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("2025年1月1日重复列出", StringComparison.Ordinal));
    }

    [Fact]
    public void DatesOutsideTheNoticeYearAreRejectedExceptLateDecember()
    {
        Assert.Empty(Errors(Notice(2019, """{ "name": "元旦", "off": ["2018-12-30..2019-01-01"], "work": ["2018-12-29"] }""")));
        var errors = Errors(Notice(2025, """{ "name": "国庆节", "off": ["2024-10-01"], "work": [] }"""));
        Assert.Contains(errors, e => e.Contains("不在2025年内", StringComparison.Ordinal));
    }

    [Fact]
    public void MalformedInputGivesChineseErrors()
    {
        Assert.Contains(Errors(Notice(2025, """{ "name": "元旦", "off": ["2025/01/01"], "work": [] }""")), e => e.Contains("无法识别", StringComparison.Ordinal));
        Assert.False(HolidayCalendarJson.TryParse("{ not json", out _, out var errors));
        Assert.Contains("JSON格式错误", errors.Single(), StringComparison.Ordinal);
        Assert.False(HolidayCalendarJson.TryParse("""{ "format": "other", "notices": [] }""", out _, out errors));
        Assert.Contains("文件格式标识", errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void CreateCollectsEveryError()
    {
        var bad = new HolidayNotice(2025, "", null, [new StatutoryHoliday("春节", [DateRange.Day(D(2025, 1, 28))], [D(2025, 1, 28), D(2025, 1, 29)])]);
        var e = Assert.Throws<CalendarValidationException>(() => HolidayCalendar.Create([bad]));
        Assert.True(e.Errors.Count >= 3, string.Join("\n", e.Errors));
    }

    private static string Notice(int year, string holidays) =>
        $$"""{ "year": {{year}}, "title": "国务院办公厅关于{{year}}年部分节假日安排的通知", "holidays": [ {{holidays}} ] }""";

    private static IReadOnlyList<string> Errors(params string[] notices)
    {
        var json = $$"""{ "format": "{{HolidayCalendarJson.FormatName}}", "notices": [ {{string.Join(",", notices)}} ] }""";
        HolidayCalendarJson.TryParse(json, out _, out var errors);
        return errors;
    }
}
