using Exemplar.Domain.Ledger;
using FsCheck;
using FsCheck.Fluent;

namespace Exemplar.Domain.Tests.Ledger;

public sealed class ImportCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"点击\")")]
    [InlineData("+86 871 6123456")]
    [InlineData("-1+2")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    public void Cells_that_start_like_a_formula_get_an_apostrophe_on_export(string text)
    {
        Assert.True(ImportCells.IsFormulaLike(text));
        Assert.Equal("'" + text, ImportCells.Neutralise(text));
    }

    [Theory]
    [InlineData("昆明五华创新创业园")]
    [InlineData("a=b")]
    [InlineData("'引号开头")]
    [InlineData("")]
    public void Ordinary_text_is_left_alone(string text) => Assert.Equal(text, ImportCells.Neutralise(text));

    [Fact]
    public void Import_keeps_the_text_flags_it_and_removes_only_the_apostrophe_an_export_added()
    {
        Assert.Equal("=1+1", ImportCells.FromImport("=1+1", out var f1));
        Assert.True(f1);
        Assert.Equal("=1+1", ImportCells.FromImport("'=1+1", out var f2));
        Assert.True(f2);
        Assert.Equal("'引号开头", ImportCells.FromImport("'引号开头", out var f3));
        Assert.False(f3);
    }

    [Fact]
    public void Export_then_import_gives_back_every_text() =>
        Check.QuickThrowOnFailure(Prop.ForAll(
            Gen.ListOf(Gen.Elements("'", "=", "+", "-", "@", "\t", "\r", "a", "甲", " ")).Select(p => string.Concat(p)).ToArbitrary(),
            s => ImportCells.FromImport(ImportCells.Neutralise(s), out _) == s && !ImportCells.IsFormulaLike(ImportCells.Neutralise(s))));
}
