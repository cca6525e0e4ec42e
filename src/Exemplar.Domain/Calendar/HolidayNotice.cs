namespace Exemplar.Domain.Calendar;

/// <summary>
/// A year's State Council notice (国务院办公厅关于YYYY年部分节假日安排的通知) as the product keeps it.
/// Its dates lie in <see cref="Year"/> or, for 元旦 arrangements, in late December of the year before.
/// </summary>
public sealed record HolidayNotice(
    int Year,
    string Title,
    string? Number,
    IReadOnlyList<StatutoryHoliday> Holidays,
    IReadOnlyList<NoticeAmendment>? Amendments = null)
{
    public IReadOnlyList<NoticeAmendment> AmendmentList => Amendments ?? [];

    /// <summary>Every day off the notice lists, with the holiday it belongs to.</summary>
    public IEnumerable<(DateOnly Date, string Holiday)> OffDays() =>
        Holidays.SelectMany(h => h.OffDays.SelectMany(r => r.Days()).Select(d => (d, h.Name)));

    /// <summary>Every adjusted working day (调休上班), with the holiday it compensates.</summary>
    public IEnumerable<(DateOnly Date, string Holiday)> WorkingWeekends() =>
        Holidays.SelectMany(h => h.AdjustedWorkingDays.Select(d => (d, h.Name)));
}
