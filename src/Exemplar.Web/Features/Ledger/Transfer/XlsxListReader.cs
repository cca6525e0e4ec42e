namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>
/// The non-empty rows of an uploaded XLSX list (header first), read through the package guard — or why the file is
/// refused as a whole. Shared by the list imports (experts, existing designations) that report row by row afterwards.
/// </summary>
public static class XlsxListReader
{
    public sealed record Read(IReadOnlyList<(long Row, List<string> Cells)> Rows, string? Refusal);

    /// <param name="unit">What one data row is, in the refusal for too many rows (“位专家”, “条认定”).</param>
    public static async Task<Read> ReadAsync(Stream upload, LedgerOptions options, long maxBytes, int maxRows, string unit, CancellationToken ct)
    {
        using var file = new MemoryStream();
        await upload.CopyToAsync(file, ct);
        if (file.Length == 0) return new([], "请选择要导入的 XLSX 文件。");
        if (file.Length > maxBytes) return new([], $"文件超过 {maxBytes / 1024 / 1024} MB，未导入任何内容。");
        var rows = new List<(long Row, List<string> Cells)>();
        try
        {
            XlsxPackageGuard.Check(file, options);
            file.Position = 0;
            using var reader = XlsxRows.Open(file, options);
            var cells = new List<string>();
            while (reader.TryRead(cells))
            {
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                if (rows.Count > maxRows) return new([], $"一次最多导入 {maxRows} {unit}，未导入任何内容。");
                rows.Add((reader.Row, [.. cells]));
            }
        }
        catch (ImportRefusedException e)
        {
            return new([], e.Message);
        }
        return rows.Count < 2 ? new([], "文件中没有数据行，未导入任何内容。") : new(rows, null);
    }
}
