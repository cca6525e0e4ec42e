using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exemplar.Domain.Calendar;

/// <summary>
/// Reads and writes the product's calendar file (<c>data/calendar/cn-holidays.json</c>):
/// <code>
/// { "format": "exemplar.cn-holidays/1",
///   "notices": [ { "year": 2025, "title": "国务院办公厅关于2025年部分节假日安排的通知", "number": "国办发明电〔2024〕12号",
///                  "amendments": [ { "title": "…", "number": "…", "note": "…" } ],
///                  "holidays": [ { "name": "春节", "off": ["2025-01-28..2025-02-04"], "work": ["2025-01-26", "2025-02-08"] } ] } ] }
/// </code>
/// "off" holds single dates or inclusive ranges "from..to"; "work" holds the adjusted working days (调休上班).
/// </summary>
public static class HolidayCalendarJson
{
    public const string FormatName = "exemplar.cn-holidays/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses and validates a whole file; throws <see cref="CalendarValidationException"/> with Chinese messages.</summary>
    public static HolidayCalendar Parse(string json) => HolidayCalendar.Create(ParseNotices(json));

    public static bool TryParse(string json, out HolidayCalendar calendar, out IReadOnlyList<string> errors)
    {
        try
        {
            return HolidayCalendar.TryCreate(ParseNotices(json), out calendar, out errors);
        }
        catch (CalendarValidationException e)
        {
            calendar = HolidayCalendar.Empty;
            errors = e.Errors;
            return false;
        }
    }

    /// <summary>Reads the notices without checking them against each other (for importing single years).</summary>
    public static IReadOnlyList<HolidayNotice> ParseNotices(string json)
    {
        FileDto? file;
        try
        {
            file = JsonSerializer.Deserialize<FileDto>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"第{line + 1}行" : string.Empty;
            throw new CalendarValidationException($"JSON格式错误{where}（{e.Path}）：文件无法解析或含有未知字段。", e);
        }
        if (file is null)
        {
            throw new CalendarValidationException("文件为空。");
        }
        var errors = new List<string>();
        if (file.Format != FormatName)
        {
            errors.Add($"文件格式标识应为“{FormatName}”，实际为“{file.Format}”。");
        }
        var notices = new List<HolidayNotice>();
        foreach (var n in file.Notices ?? [])
        {
            var holidays = new List<StatutoryHoliday>();
            foreach (var h in n.Holidays ?? [])
            {
                var name = h.Name ?? string.Empty;
                var off = new List<DateRange>();
                foreach (var text in h.Off ?? [])
                {
                    if (TryParseRange(text, out var range))
                    {
                        off.Add(range);
                    }
                    else
                    {
                        errors.Add($"{n.Year}年{name}：放假日期“{text}”无法识别，应为YYYY-MM-DD或YYYY-MM-DD..YYYY-MM-DD。");
                    }
                }
                var work = new List<DateOnly>();
                foreach (var text in h.Work ?? [])
                {
                    if (TryParseDate(text, out var day))
                    {
                        work.Add(day);
                    }
                    else
                    {
                        errors.Add($"{n.Year}年{name}：调休上班日期“{text}”无法识别，应为YYYY-MM-DD。");
                    }
                }
                holidays.Add(new StatutoryHoliday(name, off, work));
            }
            var amendments = (n.Amendments ?? []).Select(a => new NoticeAmendment(a.Title ?? string.Empty, a.Number, a.Note)).ToList();
            notices.Add(new HolidayNotice(n.Year, n.Title ?? string.Empty, n.Number, holidays, amendments));
        }
        return errors.Count == 0 ? notices : throw new CalendarValidationException(errors);
    }

    public static string Serialize(HolidayCalendar calendar) => Serialize(calendar.Notices);

    public static string Serialize(IEnumerable<HolidayNotice> notices)
    {
        var file = new FileDto
        {
            Format = FormatName,
            Notices = [.. notices.OrderBy(n => n.Year).Select(n => new NoticeDto
            {
                Year = n.Year,
                Title = n.Title,
                Number = n.Number,
                Amendments = n.AmendmentList.Count == 0 ? null
                    : [.. n.AmendmentList.Select(a => new AmendmentDto { Title = a.Title, Number = a.Number, Note = a.Note })],
                Holidays = [.. n.Holidays.Select(h => new HolidayDto
                {
                    Name = h.Name,
                    Off = [.. h.OffDays.Select(r => r.ToString())],
                    Work = [.. h.AdjustedWorkingDays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
                })],
            })],
        };
        return JsonSerializer.Serialize(file, Options);
    }

    private static bool TryParseRange(string? text, out DateRange range)
    {
        range = default;
        var parts = (text ?? string.Empty).Split("..");
        if (parts.Length == 1 && TryParseDate(parts[0], out var day))
        {
            range = DateRange.Day(day);
            return true;
        }
        if (parts.Length == 2 && TryParseDate(parts[0], out var from) && TryParseDate(parts[1], out var to) && from <= to)
        {
            range = new DateRange(from, to);
            return true;
        }
        return false;
    }

    private static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private sealed class FileDto
    {
        public string? Format { get; set; }
        public string? Source { get; set; }
        public List<NoticeDto>? Notices { get; set; }
    }

    private sealed class NoticeDto
    {
        public int Year { get; set; }
        public string? Title { get; set; }
        public string? Number { get; set; }
        public List<AmendmentDto>? Amendments { get; set; }
        public List<HolidayDto>? Holidays { get; set; }
    }

    private sealed class AmendmentDto
    {
        public string? Title { get; set; }
        public string? Number { get; set; }
        public string? Note { get; set; }
    }

    private sealed class HolidayDto
    {
        public string? Name { get; set; }
        public List<string>? Off { get; set; }
        public List<string>? Work { get; set; }
    }
}
