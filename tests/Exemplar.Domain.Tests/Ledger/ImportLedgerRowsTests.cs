using Exemplar.Domain.Ledger;

namespace Exemplar.Domain.Tests.Ledger;

public sealed class ImportLedgerRowsTests
{
    // 91530102MA6K000111 and 91530103MA6K00022K are valid codes (check characters computed by hand per GB 32100-2015).
    private static readonly ImportResident Jia = new(Guid.Parse("00000000-0000-0000-0000-0000000000a1"), "甲科技有限公司", "91530102MA6K000111", new(2024, 1, 1), null);
    private static readonly ImportResident Yi = new(Guid.Parse("00000000-0000-0000-0000-0000000000b2"), "乙信息有限公司", "91530103MA6K00022K", new(2025, 2, 1), new(2025, 6, 30));
    private static readonly ImportPartner Firm = new(Guid.Parse("00000000-0000-0000-0000-0000000000c3"), "云南金诚会计师事务所");

    private static readonly string[] Header = ImportLayout.Ledger.Columns.Select(c => c.Header).ToArray();

    private static (LedgerRowValues? Values, ImportIssues Issues) Read(params (string Key, string Value)[] cells)
    {
        var issues = new ImportIssues();
        var map = ImportLayout.Ledger.Map(Header, issues);
        Assert.False(issues.HasErrors);
        var defaults = new Dictionary<string, string>
        {
            ["function"] = "信息服务", ["date"] = "2025-03-01", ["place"] = "路演厅", ["form"] = "活动", ["persons"] = "30", ["fee"] = "公益免费",
            ["feedback"] = "满意",
        };
        foreach (var (k, v) in cells) defaults[k] = v;
        var row = ImportLayout.Ledger.Columns.Select(c => defaults.GetValueOrDefault(c.Key, "")).ToList();
        var rows = new ImportLedgerRows(map, [Jia, Yi], [Firm], new DateOnly(2026, 11, 21));
        return (rows.Read(2, row, issues), issues);
    }

    private static ImportIssue Single(ImportIssues issues, ImportSeverity severity) => Assert.Single(issues.Kept, i => i.Severity == severity);

    [Fact]
    public void A_good_row_resolves_enterprises_by_code_by_name_and_by_name_with_code()
    {
        var (v, issues) = Read(("residents", "91530102MA6K000111、乙信息有限公司"), ("others", "外区企业,另一家"), ("provider", "云南金诚会计师事务所"), ("topic", "银企对接"));
        Assert.Equal(0, issues.Total);
        Assert.NotNull(v);
        Assert.Equal([Jia.Id, Yi.Id], v.ResidentIds);
        Assert.Equal(["外区企业", "另一家"], v.OtherNames);
        Assert.Equal(Firm.Id, v.PartnerAgencyId);
        Assert.Equal((ServiceFunction.InformationService, new DateOnly(2025, 3, 1), ServiceForm.Event, EventTopic.BankEnterprise, 30, FeeClass.Free),
            (v.Function, v.Date, v.Form, v.Topic, v.PersonCount, v.Fee));
        Assert.Equal([Yi.Id], Read(("residents", "乙信息有限公司（91530103MA6K00022K）")).Values!.ResidentIds);
    }

    [Fact]
    public void An_unknown_service_function_names_the_column_and_the_choices()
    {
        var (v, issues) = Read(("function", "咨询服务"));
        Assert.Null(v);
        var e = Single(issues, ImportSeverity.Error);
        Assert.Equal(("A（服务功能）", 2L), (e.Column, e.Row));
        Assert.Contains("未知的服务功能“咨询服务”", e.Message);
        Assert.Contains("信息服务、创业辅导", e.Message);
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("3/1/2025")]
    [InlineData("明天")]
    public void A_bad_date_is_an_error(string date) =>
        Assert.Contains("无法识别", Single(Read(("date", date)).Issues, ImportSeverity.Error).Message);

    [Theory]
    [InlineData("2025/3/1")]
    [InlineData("2025年3月1日")]
    [InlineData("2025.3.1")]
    [InlineData("20250301")]
    [InlineData("２０２５－０３－０１")]
    public void Usual_date_forms_are_read(string date) => Assert.Equal(new DateOnly(2025, 3, 1), Read(("date", date)).Values!.Date);

    [Fact]
    public void A_code_with_a_wrong_check_character_fails_the_check()
    {
        var e = Single(Read(("residents", "91530102MA6K000112")).Issues, ImportSeverity.Error);
        Assert.Contains("校验失败", e.Message);
        Assert.Contains("第18位应为“1”", e.Message);
        Assert.StartsWith("F（参与入驻企业）", e.Column);
    }

    [Fact]
    public void Unknown_enterprises_and_partners_are_errors()
    {
        Assert.Contains("没有名为“丙公司”的入驻企业", Single(Read(("residents", "丙公司")).Issues, ImportSeverity.Error).Message);
        Assert.Contains("没有统一社会信用代码为 91530102MA6K000124", Single(Read(("residents", "91530102MA6K000124")).Issues, ImportSeverity.Error).Message);
        Assert.Contains("合作机构", Single(Read(("provider", "不存在的事务所")).Issues, ImportSeverity.Error).Message);
    }

    [Theory]
    [InlineData("三十")]
    [InlineData("12.5")]
    [InlineData("")]
    public void A_head_count_that_is_not_a_whole_number_is_an_error(string persons) =>
        Assert.Equal("H（人数）", Single(Read(("persons", persons)).Issues, ImportSeverity.Error).Column);

    [Fact]
    public void A_date_outside_the_enterprises_residency_is_only_a_warning()
    {
        var (v, issues) = Read(("residents", "乙信息有限公司"), ("date", "2025-07-01"));
        Assert.NotNull(v);
        Assert.False(issues.HasErrors);
        Assert.Contains("不在其中", Single(issues, ImportSeverity.Warning).Message);
    }

    [Fact]
    public void Formula_text_is_kept_as_text_and_noted()
    {
        var (v, issues) = Read(("outcome", "=HYPERLINK(\"http://evil\")"), ("place", "'@路演厅"));
        Assert.Equal("=HYPERLINK(\"http://evil\")", v!.OutcomeText);
        Assert.Equal("@路演厅", v.Place);
        Assert.Equal(2, issues.Notices);
        Assert.All(issues.Kept, i => Assert.StartsWith(ImportCells.FlagMessage, i.Message));
    }

    [Fact]
    public void One_to_one_service_needs_an_enterprise() =>
        Assert.Contains("一对一服务", Single(Read(("form", "一对一服务")).Issues, ImportSeverity.Error).Message);

    [Fact]
    public void Missing_required_columns_are_reported_on_row_one()
    {
        var issues = new ImportIssues();
        ImportLayout.Ledger.Map(["服务功能", "服务日期", "备注"], issues);
        Assert.Equal(4, issues.Errors); // 服务地点, 服务形式, 人数, 收费类别
        Assert.Equal(1, issues.Warnings); // 备注 ignored
        Assert.All(issues.Kept, i => Assert.Equal(1, i.Row));
    }
}
