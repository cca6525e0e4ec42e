using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.DemoData;

namespace Exemplar.Web.Tests.Features.Account;

/// <summary>GB/T 22239 level 3 habits (issue 8 item 7): length, three character classes, no user name, no runs, no well-known passwords.</summary>
public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("Abcdefgh12")]        // the issue's example: passed before (10 characters, letters and digits)
    [InlineData("Admin@123456")]       // the commonest "complex" password in Chinese systems
    [InlineData("P@ssw0rd2024")]
    [InlineData("Woaini1314!")]
    [InlineData("Qwer1234!x")]        // keyboard row and digit run
    [InlineData("1qaz2wsx#EDC")]       // keyboard column
    [InlineData("Zzzz9876&a")]         // one character four times, and a descending run
    [InlineData("kunming2026")]        // two classes only
    public void Weak_passwords_are_refused(string password) => Assert.NotEmpty(PasswordRules.Check(password, "km.someone"));

    [Theory]
    [InlineData(DemoDirectory.Password)]
    [InlineData("NewSecret2026x")]
    [InlineData("Xinghuo2026a")]
    [InlineData("Hx7!tr2Lq9")]
    public void Strong_passwords_pass(string password) => Assert.Empty(PasswordRules.Check(password, "km.wuhua"));

    [Fact]
    public void Each_rule_has_its_chinese_message()
    {
        Assert.Contains("密码长度不能少于10位。", PasswordRules.Check("Ab1!", "x.user"));
        Assert.Contains("密码须包含大写字母、小写字母、数字、符号中的至少三类。", PasswordRules.Check("onlylowercaseletters", "x.user"));
        Assert.Contains("密码不能包含用户名。", PasswordRules.Check("Km.Wuhua#2026", "km.wuhua"));
        Assert.Contains("密码不能包含用户名。", PasswordRules.Check("Xy7#" + "auhuw.mk", "km.wuhua"));
        Assert.Contains(PasswordRules.Check("Abcdefgh12", "x.user"), e => e.StartsWith("密码不能包含连续或键盘相邻的4个字符"));
        Assert.Contains(PasswordRules.Check("Admin@123456", "x.user"), e => e.StartsWith("密码过于常见"));
    }
}
