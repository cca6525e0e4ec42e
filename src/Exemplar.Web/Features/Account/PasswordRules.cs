namespace Exemplar.Web.Features.Account;

/// <summary>Password rules for every account: at least 10 characters with letters and digits, not the user name.</summary>
public static class PasswordRules
{
    public const int MinLength = 10;

    public static IReadOnlyList<string> Check(string? password, string userName)
    {
        var errors = new List<string>();
        password ??= string.Empty;
        if (password.Length < MinLength) errors.Add($"密码长度不能少于{MinLength}位。");
        if (password.Length > 128) errors.Add("密码长度不能超过128位。");
        if (!password.Any(char.IsAsciiLetter)) errors.Add("密码须包含英文字母。");
        if (!password.Any(char.IsAsciiDigit)) errors.Add("密码须包含数字。");
        if (password.Length > 0 && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
            errors.Add("密码不能包含用户名。");
        return errors;
    }
}
