using System.Text;
using Exemplar.Domain.Ledger;

namespace Exemplar.Domain.Tests.Ledger;

public sealed class ImportTextEncodingTests
{
    private const string Header = "服务功能,服务日期,服务地点\r\n信息服务,2025-03-01,基地一楼路演厅\r\n";
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    private static ImportTextVerdict Detect(byte[] bytes) => ImportTextEncoding.Detect(bytes, isWholeFile: true);

    [Fact]
    public void A_bom_means_utf8() =>
        Assert.Equal(ImportTextKind.Utf8WithBom, Detect([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Header)]).Kind);

    [Fact]
    public void Strict_utf8_without_bom_is_utf8() => Assert.Equal(ImportTextKind.Utf8, Detect(Encoding.UTF8.GetBytes(Header)).Kind);

    [Fact]
    public void What_chinese_excel_writes_is_read_as_gb18030()
    {
        var bytes = Gb18030.GetBytes(Header);
        Assert.Equal(ImportTextKind.Gb18030, Detect(bytes).Kind);
        Assert.Equal(Header, ImportTextEncoding.Strict(ImportTextKind.Gb18030).GetString(bytes));
    }

    [Fact]
    public void A_character_cut_at_the_end_of_the_sniffed_part_is_not_held_against_the_file()
    {
        var bytes = Encoding.UTF8.GetBytes("名称,代码\r\n甲");
        Assert.Equal(ImportTextKind.Utf8, ImportTextEncoding.Detect(bytes.AsSpan(0, bytes.Length - 1), isWholeFile: false).Kind);
        Assert.NotEqual(ImportTextKind.Utf8, ImportTextEncoding.Detect(bytes.AsSpan(0, bytes.Length - 1), isWholeFile: true).Kind);
    }

    [Fact]
    public void Utf16_is_refused_with_advice()
    {
        var v = Detect([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Header)]);
        Assert.False(v.Accepted);
        Assert.Contains("UTF-16", v.Refusal);
    }

    [Fact]
    public void Bytes_that_are_neither_utf8_nor_gb18030_are_refused()
    {
        // 0x80 alone and 0xFF are never valid in GB18030; 0xFF is never valid in UTF-8.
        var v = Detect([(byte)'a', 0x80, (byte)',', 0xFF, 0xFF, (byte)'\n']);
        Assert.False(v.Accepted);
        Assert.Contains("UTF-8 或 GBK/GB18030", v.Refusal);
    }

    [Fact]
    public void Nul_bytes_mean_a_binary_file() =>
        Assert.Contains("二进制", Detect([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00]).Refusal);

    [Fact]
    public void A_bom_followed_by_non_utf8_bytes_is_refused() =>
        Assert.False(Detect([0xEF, 0xBB, 0xBF, .. Gb18030.GetBytes("信息服务")]).Accepted);

    [Fact]
    public void The_strict_decoders_throw_instead_of_inventing_characters()
    {
        Assert.Throws<DecoderFallbackException>(() => ImportTextEncoding.Strict(ImportTextKind.Utf8).GetString([0xC3, 0x28]));
        Assert.Throws<DecoderFallbackException>(() => ImportTextEncoding.Strict(ImportTextKind.Gb18030).GetString([0x81, 0x20]));
    }
}

public sealed class ImportUndecodableTests
{
    [Fact]
    public void A_bad_byte_deep_in_the_file_is_reported_at_its_exact_row()
    {
        var good = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("信息服务,2025-03-01\r\n", 5000)));
        byte[] bytes = [.. good, (byte)'x', 0xC3, 0x28, (byte)'\r', (byte)'\n'];
        var reader = new ImportCsvReader(new StreamReader(new MemoryStream(bytes), ImportTextEncoding.Reading(ImportTextKind.Utf8), false, 65536));
        var fields = new List<string>();
        var ex = Assert.Throws<ImportUndecodableException>(() => { while (reader.TryRead(fields)) { } });
        Assert.Equal(5001, ex.Row);
    }
}
