using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

public class FactSourceLabelTests
{
    [Theory]
    [InlineData("form", "申报表填写")]
    [InlineData("ledger", "服务台账")]
    [InlineData("台账", "服务台账")]
    [InlineData("hand-entered", "手工填报")]
    [InlineData(null, "—")]
    [InlineData("现场核查", "现场核查")]
    public void Sources_read_in_chinese(string? source, string expected) =>
        Assert.Equal(expected, FactSourceLabel.ToChinese(source));
}
