namespace Exemplar.Domain.Organizations;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority (1), organisation kind (1),
/// GB/T 2260 division code (6), organisation code body (9, whose 9th character is the GB 11714 check),
/// and a final check character computed modulo 31 over the first 17.
/// </summary>
public readonly record struct UnifiedSocialCreditCode
{
    // The 31 characters of the code alphabet, in value order; I, O, Z, S and V are excluded by the standard.
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public string Value { get; }

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string DivisionCode => Value.Substring(2, 6);

    public override string ToString() => Value;

    public static UnifiedSocialCreditCode Parse(string? input) =>
        TryParse(input, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>Validates length, alphabet and the check character; the error is Chinese text for the user.</summary>
    public static bool TryParse(string? input, out UnifiedSocialCreditCode code, out string error)
    {
        code = default;
        var text = (input ?? string.Empty).Trim().ToUpperInvariant();
        if (text.Length == 0)
        {
            error = "请填写统一社会信用代码。";
            return false;
        }
        if (text.Length != 18)
        {
            error = $"统一社会信用代码应为18位，您输入了{text.Length}位。";
            return false;
        }
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(text[i]) < 0)
            {
                error = $"统一社会信用代码第{i + 1}位“{text[i]}”不是有效字符（不使用I、O、Z、S、V）。";
                return false;
            }
        }
        if (!IsDigitRange(text, 2, 6))
        {
            error = "统一社会信用代码第3至8位应为行政区划代码（6位数字）。";
            return false;
        }
        var expected = CheckCharacter(text.AsSpan(0, 17));
        if (text[17] != expected)
        {
            error = $"统一社会信用代码校验位错误：第18位应为“{expected}”，请核对后重新输入。";
            return false;
        }
        code = new UnifiedSocialCreditCode(text);
        error = string.Empty;
        return true;
    }

    /// <summary>The 18th character for the first 17 characters (GB 32100-2015 §5.2).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("需要17位前缀。", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0) throw new ArgumentException($"无效字符“{first17[i]}”。", nameof(first17));
            sum += value * Weights[i];
        }
        var check = (31 - sum % 31) % 31;
        return Alphabet[check];
    }

    private static bool IsDigitRange(string text, int start, int length)
    {
        for (var i = start; i < start + length; i++)
            if (text[i] < '0' || text[i] > '9') return false;
        return true;
    }
}
