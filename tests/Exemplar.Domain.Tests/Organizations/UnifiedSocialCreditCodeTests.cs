using Exemplar.Domain.Organizations;

namespace Exemplar.Domain.Tests.Organizations;

public class UnifiedSocialCreditCodeTests
{
    // Codes published on national enterprise credit records (public registrations).
    [Theory]
    [InlineData("91110000802100433B")] // 中国石油化工股份有限公司
    [InlineData("91440300708461136T")] // 深圳市腾讯计算机系统有限公司
    [InlineData("91330100716105852F")] // 阿里巴巴（中国）有限公司
    [InlineData("914403001922038216")] // 华为技术有限公司, check character is a digit
    public void Accepts_real_codes(string text)
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(text, out var code, out var error), error);
        Assert.Equal(text, code.Value);
    }

    [Fact]
    public void Lowercase_and_spaces_are_normalised()
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(" 91440300708461136t ", out var code, out _));
        Assert.Equal("91440300708461136T", code.Value);
        Assert.Equal("440300", code.DivisionCode);
    }

    [Theory]
    [InlineData("91440300708461136A", "第18位应为“T”")] // wrong check character
    [InlineData("91110000802100433C", "第18位应为“B”")]
    [InlineData("9144030070846113", "应为18位，您输入了16位")]
    [InlineData("91440300708461136TX", "应为18位，您输入了19位")]
    [InlineData("9144030070846I136T", "第14位“I”不是有效字符")]
    [InlineData("91AB0300708461136T", "第3至8位应为行政区划代码")]
    [InlineData("", "请填写统一社会信用代码")]
    public void Rejects_wrong_codes_with_a_clear_chinese_message(string text, string expectedFragment)
    {
        Assert.False(UnifiedSocialCreditCode.TryParse(text, out _, out var error));
        Assert.Contains(expectedFragment, error);
    }

    [Fact]
    public void Every_single_character_substitution_in_a_valid_code_is_detected()
    {
        const string valid = "91440300708461136T";
        foreach (var position in Enumerable.Range(0, 18))
        foreach (var c in UnifiedSocialCreditCode.Alphabet)
        {
            if (c == valid[position]) continue;
            var mutated = valid[..position] + c + valid[(position + 1)..];
            if (position is >= 2 and < 8 && !char.IsDigit(c)) continue;
            Assert.False(UnifiedSocialCreditCode.TryParse(mutated, out _, out _), mutated);
        }
    }
}
