namespace Exemplar.Web.Features.Account;

/// <summary>
/// Password rules for every account, as GB/T 22239-2019 level 3 is usually applied (身份鉴别：口令复杂度): at least
/// 10 characters; at least three of upper-case letters, lower-case letters, digits and symbols; not containing the user
/// name (forwards or backwards); no run of four consecutive or keyboard-adjacent characters (abcd, 4321, qwer, asdf) and
/// no character four times in a row; and not a well-known password with digits or symbols around it ("Admin@123456",
/// "P@ssw0rd2024", "woaini1314"). <c>Abcdefgh12</c> fails; the demo password <c>Demo@2026pass</c> passes.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 128;
    public const string Hint = "不少于10位，包含大写字母、小写字母、数字、符号中的至少三类；不能包含用户名、连续或键盘相邻的4个字符（如abcd、1234、qwer），不能是常见密码。";

    private static readonly string[] Sequences =
    [
        "abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "!@#$%^&*()",
    ];

    /// <summary>Words that make a password weak whatever digits or symbols surround them (letters only, lower case, after undoing 0→o, 1→l, 3→e, 4→a, 5→s, @→a, $→s).</summary>
    private static readonly HashSet<string> WeakWords =
    [
        "password", "passw", "passwd", "pass", "admin", "administrator", "root", "test", "guest", "user", "login", "welcome",
        "qwerty", "qwe", "asd", "zxc", "abc", "aaa", "iloveyou", "letmein", "monkey", "dragon", "master", "sunshine", "princess",
        "woaini", "wangyi", "nihao", "zhangsan", "lisi", "huawei", "baidu", "taobao", "china", "beijing", "shanghai",
        "kunming", "liaocheng", "lasa", "xizang", "yunnan", "shandong", "gov", "gongxin", "system", "sys", "demo", "exemplar",
        "a", "aa", "ab", "abcd", "qq", "wx", "weixin", "wechat", "mima", "mimamima", "secret", "changeme", "default", "super",
        "superman", "hello", "hellokitty", "football", "basketball", "shadow", "trustno", "whatever", "freedom", "computer",
    ];

    public static IReadOnlyList<string> Check(string? password, string userName)
    {
        var errors = new List<string>();
        password ??= string.Empty;
        if (password.Length < MinLength) errors.Add($"密码长度不能少于{MinLength}位。");
        if (password.Length > MaxLength) errors.Add($"密码长度不能超过{MaxLength}位。");
        var classes = (password.Any(char.IsAsciiLetterUpper) ? 1 : 0) + (password.Any(char.IsAsciiLetterLower) ? 1 : 0)
                      + (password.Any(char.IsAsciiDigit) ? 1 : 0) + (password.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);
        if (classes < 3) errors.Add("密码须包含大写字母、小写字母、数字、符号中的至少三类。");
        var lower = password.ToLowerInvariant();
        var name = (userName ?? "").Trim().ToLowerInvariant();
        if (name.Length >= 3 && (lower.Contains(name) || lower.Contains(new string(name.Reverse().ToArray()))))
            errors.Add("密码不能包含用户名。");
        if (HasRun(lower)) errors.Add("密码不能包含连续或键盘相邻的4个字符（如abcd、1234、qwer），也不能有同一字符连续出现4次。");
        if (password.Length > 0 && IsWellKnown(lower)) errors.Add("密码过于常见（如 Admin@123、P@ssw0rd、woaini1314 之类），请换一个。");
        return errors;
    }

    private static bool HasRun(string s)
    {
        for (var i = 0; i + 4 <= s.Length; i++)
        {
            var window = s.Substring(i, 4);
            if (window.Distinct().Count() == 1) return true;
            var reversed = new string(window.Reverse().ToArray());
            if (Sequences.Any(seq => seq.Contains(window, StringComparison.Ordinal) || seq.Contains(reversed, StringComparison.Ordinal))) return true;
        }
        return false;
    }

    /// <summary>
    /// Without the digits and symbols around it, and de-leeted, the password is a weak word or two (P@ssw0rd2024 →
    /// password, Admin@123456 → admin, woaini1314 → woaini), or it had no letters at all.
    /// </summary>
    private static bool IsWellKnown(string lower)
    {
        var first = 0;
        while (first < lower.Length && !char.IsAsciiLetter(lower[first])) first++;
        var last = lower.Length - 1;
        while (last >= first && !char.IsAsciiLetter(lower[last])) last--;
        if (first > last) return true; // digits and symbols only
        var core = lower[first..(last + 1)];
        var letters = new string(core.Select(c => c switch { '0' => 'o', '1' => 'l', '3' => 'e', '4' => 'a', '5' => 's', '@' => 'a', '$' => 's', _ => c })
            .Where(char.IsAsciiLetter).ToArray());
        if (WeakWords.Contains(letters)) return true;
        for (var cut = 1; cut < letters.Length; cut++)
            if (WeakWords.Contains(letters[..cut]) && WeakWords.Contains(letters[cut..])) return true;
        return false;
    }
}
