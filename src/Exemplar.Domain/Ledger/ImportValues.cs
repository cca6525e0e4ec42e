using System.Globalization;

namespace Exemplar.Domain.Ledger;

/// <summary>Reads the values people type into spreadsheets: dates in the usual Chinese forms, whole numbers, 是/否.</summary>
public static class ImportValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd",
        "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy-MM-ddTHH:mm:ss",
    ];

    public const string DateHint = "请写成 2025-03-01、2025/3/1 或 2025年3月1日";

    /// <summary>
    /// A date as typed, or an Excel serial day number (<paramref name="allowSerial"/>, for XLSX cells that hold a
    /// number formatted as a date; 1900 date system, serials 1 to 2958465).
    /// </summary>
    public static bool TryDate(string? text, bool allowSerial, out DateOnly date)
    {
        var t = Normalise(text);
        if (t.Length == 10 && t[4] == '-' && t[7] == '-' && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(t.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mo) && int.TryParse(t.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d))
        {
            // The common ISO form without the general parser.
            date = default;
            if (y is < 1900 or > 2100 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return false;
            date = new DateOnly(y, mo, d);
            return true;
        }
        if (DateTime.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
            return date.Year is >= 1900 and <= 2100;
        }
        if (allowSerial && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && serial is >= 1 and < 2958466 && serial == Math.Floor(serial))
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }
        date = default;
        return false;
    }

    /// <summary>A whole number; "1,200" and "12.0" (how spreadsheets often write 12) are accepted.</summary>
    public static bool TryInt(string? text, out int value)
    {
        var t = Normalise(text).Replace(",", "");
        if (int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
        if (decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)d;
            return true;
        }
        value = 0;
        return false;
    }

    public static bool TryDecimal(string? text, out decimal value) =>
        decimal.TryParse(Normalise(text).Replace(",", ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    public static bool TryBool(string? text, out bool value)
    {
        switch (Normalise(text).ToUpperInvariant())
        {
            case "是" or "Y" or "YES" or "TRUE" or "1" or "√": value = true; return true;
            case "否" or "N" or "NO" or "FALSE" or "0" or "×": value = false; return true;
            default: value = false; return false;
        }
    }

    /// <summary>Trims and turns full-width digits, letters and punctuation (typed with a Chinese IME) into ASCII.</summary>
    public static string Normalise(string? text)
    {
        var t = (text ?? "").Trim();
        if (!t.Any(c => c is >= '\uFF01' and <= '\uFF5E' or '\u3000')) return t;
        var chars = t.Select(c => c switch
        {
            >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
            '\u3000' => ' ',
            _ => c,
        }).ToArray();
        return new string(chars).Trim();
    }

    /// <summary>Splits a list cell on 、 , ， ; ； and line breaks; blanks are dropped.</summary>
    public static List<string> SplitList(string? text) =>
        (text ?? "").Split(['、', ',', '，', ';', '；', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
