namespace Exemplar.Domain.Ledger;

/// <summary>
/// The allowed values of one field, with the Chinese message that names the field and the range. One definition is
/// used by the form's handler (so by the page and the API), by the import's row checks and by the form's
/// <c>min</c>/<c>max</c>/<c>maxlength</c> hints.
/// </summary>
public sealed record WholeRange(string Label, int Min, int Max, string Unit = "")
{
    public bool Contains(long value) => value >= Min && value <= Max;

    public string Message => $"{Label}应为{Min}至{Max}之间的整数{(Unit.Length > 0 ? $"（单位：{Unit}）" : "")}。";

    public string? Check(long value) => Contains(value) ? null : Message;
}

/// <summary>A number with at most <see cref="Decimals"/> decimals in [Min, Max] (or (Min, Max] when <see cref="MinExcluded"/>).</summary>
public sealed record DecimalRange(string Label, decimal Min, decimal Max, string Unit, int Decimals, bool MinExcluded = false)
{
    public bool Contains(decimal value) =>
        (MinExcluded ? value > Min : value >= Min) && value <= Max && decimal.Round(value, Decimals) == value;

    public string Message =>
        $"{Label}应{(MinExcluded ? "大于" + Min : "在" + Min + "至" + Max + "之间")}{(MinExcluded ? "且不超过" + Max : "")}（单位：{Unit}），最多{Decimals}位小数。";

    public string? Check(decimal value) => Contains(value) ? null : Message;

    /// <summary>The <c>step</c> of the form's number input.</summary>
    public string Step => Decimals == 0 ? "1" : "0." + new string('0', Decimals - 1) + "1";
}

/// <summary>A text of at most <see cref="MaxLength"/> characters.</summary>
public sealed record TextLimit(string Label, int MaxLength)
{
    public string? Check(string? value) =>
        value is not null && value.Trim().Length > MaxLength ? $"{Label}不能超过{MaxLength}个字（现有{value.Trim().Length}个字）。" : null;
}

/// <summary>
/// A date that cannot lie before <see cref="Earliest"/> (or a later start the record has, such as the base's founding)
/// nor more than <see cref="DaysAfterToday"/> days after today (0: not in the future).
/// </summary>
public sealed record DateWindow(string Label, DateOnly Earliest, int DaysAfterToday)
{
    public DateOnly Latest(DateOnly today) => today.AddDays(DaysAfterToday);

    public string? Check(DateOnly value, DateOnly today, DateOnly? start = null, string? startLabel = null)
    {
        if (value > Latest(today))
            return DaysAfterToday == 0
                ? $"{Label}不能晚于今天（{Format(today)}），您填写的是{Format(value)}。"
                : $"{Label}不能晚于{Format(Latest(today))}，您填写的是{Format(value)}。";
        if (start is { } s && s > Earliest && value < s)
            return $"{Label}不能早于{startLabel}（{Format(s)}），您填写的是{Format(value)}。";
        if (value < Earliest) return $"{Label}不能早于{Format(Earliest)}，您填写的是{Format(value)}。";
        return null;
    }

    public static string Format(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
