using Exemplar.Domain.Ledger;

namespace Exemplar.Domain.Tests.Ledger;

/// <summary>
/// The imports refuse exactly what the forms refuse: each range at its boundary and one past it, with the same Chinese
/// message (the forms' side is in the web tests). Today is 2026-11-21 in these tests.
/// </summary>
public sealed class RecordLimitsTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly DateOnly Established = new(2018, 6, 1);

    private static ImportIssues LedgerRow(params (string Key, string Value)[] cells)
    {
        var issues = new ImportIssues();
        var map = ImportLayout.Ledger.Map(ImportLayout.Ledger.Columns.Select(c => c.Header).ToList(), issues);
        var values = new Dictionary<string, string>
        {
            ["function"] = "信息服务", ["date"] = "2025-03-01", ["place"] = "路演厅", ["form"] = "活动", ["persons"] = "30", ["fee"] = "公益免费",
            ["others"] = "外区企业", ["feedback"] = "满意",
        };
        foreach (var (k, v) in cells) values[k] = v;
        new ImportLedgerRows(map, [], [], Today, Established).Read(2, ImportLayout.Ledger.Columns.Select(c => values.GetValueOrDefault(c.Key, "")).ToList(), issues);
        return issues;
    }

    private static ImportIssues EnterpriseRow(params (string Key, string Value)[] cells)
    {
        var issues = new ImportIssues();
        var map = ImportLayout.Enterprises.Map(ImportLayout.Enterprises.Columns.Select(c => c.Header).ToList(), issues);
        var values = new Dictionary<string, string>
        {
            ["name"] = "甲科技有限公司", ["uscc"] = "91530102MA6K000111", ["entry"] = "2024-01-01", ["industry"] = "软件", ["leading"] = "是", ["size"] = "微型",
            ["year"] = "2025", ["employees"] = "10",
        };
        foreach (var (k, v) in cells) values[k] = v;
        new ImportEnterpriseRows(map, Today).Read(2, ImportLayout.Enterprises.Columns.Select(c => values.GetValueOrDefault(c.Key, "")).ToList(), issues);
        return issues;
    }

    private static IEnumerable<string> Errors(ImportIssues issues) => issues.Kept.Where(i => i.Severity == ImportSeverity.Error).Select(i => i.Message);

    [Theory]
    [InlineData("persons", "100000", null)]
    [InlineData("persons", "100001", "参与人数应为0至100000之间的整数（单位：人）。")]
    [InlineData("persons", "-1", "参与人数应为0至100000之间的整数（单位：人）。")]
    [InlineData("date", "2026-11-21", null)]
    [InlineData("date", "2026-11-22", "服务日期不能晚于今天（2026年11月21日），您填写的是2026年11月22日。")]
    [InlineData("date", "2018-06-01", null)]
    [InlineData("date", "2018-05-31", "服务日期不能早于基地成立日期（2018年6月1日），您填写的是2018年5月31日。")]
    public void A_ledger_row_is_refused_one_past_each_boundary_with_the_forms_message(string key, string value, string? expected)
    {
        var errors = Errors(LedgerRow((key, value))).ToList();
        if (expected is null) Assert.Empty(errors);
        else Assert.Equal(expected, Assert.Single(errors));
    }

    [Fact]
    public void A_place_of_200_characters_is_read_and_201_is_refused()
    {
        Assert.Empty(Errors(LedgerRow(("place", new string('地', 200)))));
        Assert.Contains(Errors(LedgerRow(("place", new string('地', 201)))), e => e.Contains("200"));
    }

    [Theory]
    [InlineData("employees", "100000", null)]
    [InlineData("employees", "100001", "从业人员应为0至100000之间的整数（单位：人）。")]
    [InlineData("highTech", "1", null)]
    [InlineData("highTech", "2", "高新技术企业认定应为0至1之间的整数。")]
    [InlineData("revenue", "10000000", null)]
    [InlineData("revenue", "10000000.01", "营业收入应在0至10000000之间（单位：万元），最多2位小数。")]
    [InlineData("year", "2026", null)]
    [InlineData("year", "2027", "年度应在2000年至2026年之间，2027年无效。")]
    [InlineData("year", "1999", "年度应在2000年至2026年之间，1999年无效。")]
    [InlineData("entry", "2027-11-22", null)]
    [InlineData("entry", "2027-11-23", "入驻日期不能晚于2027年11月22日，您填写的是2027年11月23日。")]
    public void An_enterprise_row_is_refused_one_past_each_boundary_with_the_forms_message(string key, string value, string? expected)
    {
        var errors = Errors(EnterpriseRow((key, value))).ToList();
        if (expected is null) Assert.Empty(errors);
        else Assert.Equal(expected, Assert.Single(errors));
    }

    [Fact]
    public void An_agreement_may_end_the_day_it_starts_but_not_before()
    {
        Assert.Null(RecordLimits.CheckAgreementEnd(new(2025, 1, 1), new(2025, 1, 1)));
        Assert.Equal("协议截止日期（2024年12月31日）不能早于起始日期（2025年1月1日）。", RecordLimits.CheckAgreementEnd(new(2025, 1, 1), new(2024, 12, 31)));
        Assert.Null(RecordLimits.CheckAgreementEnd(new(2025, 1, 1), new(2055, 1, 1)));
        Assert.NotNull(RecordLimits.CheckAgreementEnd(new(2025, 1, 1), new(2055, 1, 2)));
    }
}
