using Exemplar.Domain.Ledger;
using FsCheck;
using FsCheck.Fluent;

namespace Exemplar.Domain.Tests.Ledger;

public sealed class ImportCsvReaderTests
{
    private static List<List<string>> ReadAll(string text, int maxField = 32_767)
    {
        var reader = new ImportCsvReader(new StringReader(text), maxField);
        var rows = new List<List<string>>();
        var fields = new List<string>();
        while (reader.TryRead(fields)) rows.Add([.. fields]);
        return rows;
    }

    [Fact]
    public void Plain_fields_and_every_line_end()
    {
        var rows = ReadAll("a,b,c\r\n1,2,3\n4,5,6\r7,8,9");
        Assert.Equal([["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]], rows);
    }

    [Fact]
    public void Quoted_fields_hold_commas_quotes_and_line_breaks_and_keep_the_row_numbers_of_a_spreadsheet()
    {
        var reader = new ImportCsvReader(new StringReader("名称,说明\r\n\"甲,乙\",\"他说\"\"好\"\"\r\n第二行\"\r\n丙,丁\r\n"));
        var f = new List<string>();
        Assert.True(reader.TryRead(f));
        Assert.True(reader.TryRead(f));
        Assert.Equal(["甲,乙", "他说\"好\"\r\n第二行"], f);
        Assert.Equal(2, reader.Row);
        Assert.True(reader.TryRead(f));
        Assert.Equal(["丙", "丁"], f);
        Assert.Equal(3, reader.Row); // the line break inside the quotes does not count as a row
        Assert.False(reader.TryRead(f));
    }

    [Fact]
    public void Empty_fields_empty_lines_and_a_final_line_end()
    {
        Assert.Equal([["", "", ""], [""], ["x", ""]], ReadAll(",,\n\nx,\n"));
        Assert.Equal([["", "a"]], ReadAll("\"\",a"));
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_kept_as_excel_keeps_it() =>
        Assert.Equal([["5\"屏", "x"]], ReadAll("5\"屏,x"));

    [Fact]
    public void An_unclosed_quote_is_refused_with_its_row()
    {
        var ex = Assert.Throws<ImportFormatException>(() => ReadAll("a,b\n1,\"open\n2,3\n"));
        Assert.Equal(2, ex.Row);
        Assert.Contains("引号没有闭合", ex.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_refused() =>
        Assert.Contains("引号之后还有其他字符", Assert.Throws<ImportFormatException>(() => ReadAll("\"a\"b,c")).Message);

    [Fact]
    public void An_overlong_field_is_refused_before_it_fills_memory() =>
        Assert.Contains("超过10个字符", Assert.Throws<ImportFormatException>(() => ReadAll("\"" + new string('x', 100), maxField: 10)).Message);

    [Fact]
    public void Control_characters_mean_the_file_is_not_text() =>
        Assert.Contains("控制字符", Assert.Throws<ImportFormatException>(() => ReadAll("a,b\n\u0001\u0002,c")).Message);

    [Fact]
    public void Tabs_and_line_breaks_in_quoted_cells_are_text() =>
        Assert.Equal([["\t=1+1", "\r=2"]], ReadAll("\t=1+1,\"\r=2\""));

    [Fact]
    public void Reading_back_what_the_writer_wrote_gives_the_same_cells_after_the_import_rule()
    {
        var cell = Gen.Elements("", "甲", "a,b", "\"", "\r\n", "=", "+", "-", "@", "'", "\t", " ", "x", "，");
        var text = Gen.ListOf(cell).Select(parts => string.Concat(parts));
        var row = Gen.NonEmptyListOf(text).Select(l => l.ToList());
        Check.QuickThrowOnFailure(Prop.ForAll(Gen.NonEmptyListOf(row).ToArbitrary(), rows =>
        {
            var csv = string.Concat(rows.Select(r => ImportCsvWriter.Row(r)));
            var back = ReadAll(csv);
            return back.Count == rows.Count()
                && back.Zip(rows).All(p => p.First.Select(c => ImportCells.FromImport(c, out _)).SequenceEqual(p.Second));
        }));
    }
}
