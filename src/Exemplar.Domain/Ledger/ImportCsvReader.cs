using System.Text;

namespace Exemplar.Domain.Ledger;

/// <summary>Bytes the file's encoding cannot decode, found in <see cref="Row"/>.</summary>
public sealed class ImportUndecodableException(long row) : Exception($"第{row}行有无法解码的字节。")
{
    public long Row { get; } = row;
}

/// <summary>A CSV file that cannot be read as CSV; <see cref="Row"/> is the spreadsheet row where it happened.</summary>
public sealed class ImportFormatException(long row, string message) : Exception(message)
{
    public long Row { get; } = row;
}

/// <summary>
/// Streaming RFC 4180 reader: comma separated, fields optionally in double quotes, "" for a quote inside
/// quotes, line breaks inside quoted fields, CRLF, LF or CR line ends. It holds one buffer and one record in
/// memory, never the file. Records are numbered as a spreadsheet numbers rows (the header is row 1), so a
/// quoted line break does not shift the numbers the report gives. Guards against hostile files: a field
/// longer than <see cref="MaxFieldLength"/> (Excel's cell limit), more than <see cref="MaxFields"/> fields,
/// an unclosed quote, control characters that no text file has, and bytes the encoding could not decode
/// (<see cref="ImportTextEncoding.Undecodable"/>), each with its row.
/// </summary>
public sealed class ImportCsvReader(TextReader reader, int maxFieldLength = 32_767, int maxFields = 256)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private int _pos;
    private int _len;
    private bool _eof;
    private readonly StringBuilder _field = new();

    public int MaxFieldLength { get; } = maxFieldLength;
    public int MaxFields { get; } = maxFields;

    /// <summary>The spreadsheet row number of the record last read (0 before the first).</summary>
    public long Row { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/> (cleared first); false at the end of the file.</summary>
    public bool TryRead(List<string> fields) => TryReadAsync(fields, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Reads the next record into <paramref name="fields"/> (cleared first); false at the end of the file. Reads
    /// the underlying text asynchronously (a request body must not be read synchronously).
    /// </summary>
    public async ValueTask<bool> TryReadAsync(List<string> fields, CancellationToken ct)
    {
        fields.Clear();
        if (!await FillAsync(ct)) return false;
        Row++;
        _field.Clear();
        var quoted = false;      // inside a quoted field
        var wasQuoted = false;   // the current field was quoted (only separators may follow its closing quote)
        while (true)
        {
            if (_pos >= _len && !await FillAsync(ct))
            {
                if (quoted) throw new ImportFormatException(Row, "引号没有闭合：某个以英文双引号开头的单元格一直到文件末尾都没有结束。");
                EndField(fields);
                return true;
            }
            var c = _buffer[_pos];
            if (quoted)
            {
                // Copy a run of ordinary characters at once.
                var span = _buffer.AsSpan(_pos, _len - _pos);
                var stop = span.IndexOf('"');
                var run = stop < 0 ? span : span[..stop];
                CheckControls(run, allowLineBreaks: true);
                Append(run);
                _pos += run.Length;
                if (stop < 0) continue;
                _pos++; // the quote
                if (_pos >= _len && !await FillAsync(ct)) { quoted = false; continue; }
                if (_buffer[_pos] == '"') { Append("\""); _pos++; continue; }
                quoted = false;
                continue;
            }
            switch (c)
            {
                case ',':
                    _pos++;
                    EndField(fields);
                    wasQuoted = false;
                    continue;
                case '\r':
                    _pos++;
                    if ((_pos < _len || await FillAsync(ct)) && _buffer[_pos] == '\n') _pos++;
                    EndField(fields);
                    return true;
                case '\n':
                    _pos++;
                    EndField(fields);
                    return true;
                case '"' when _field.Length == 0 && !wasQuoted:
                    _pos++;
                    quoted = wasQuoted = true;
                    continue;
            }
            if (wasQuoted)
                throw new ImportFormatException(Row, $"第{fields.Count + 1}个单元格的引号之后还有其他字符：带引号的单元格应整体放在英文双引号中，单元格内的引号要写成两个（\"\"）。");
            var rest = _buffer.AsSpan(_pos, _len - _pos);
            var end = rest.IndexOfAny(',', '\r', '\n');
            var chunk = end < 0 ? rest : rest[..end];
            CheckControls(chunk, allowLineBreaks: false);
            Append(chunk); // a quote inside an unquoted field is kept as it is, as Excel does
            _pos += chunk.Length;
        }
    }

    private void EndField(List<string> fields)
    {
        if (fields.Count >= MaxFields) throw new ImportFormatException(Row, $"一行中的单元格超过{MaxFields}个，文件格式不正确。");
        fields.Add(_field.ToString());
        _field.Clear();
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_field.Length + text.Length > MaxFieldLength)
            throw new ImportFormatException(Row, $"第{Row}行有单元格超过{MaxFieldLength}个字符（可能是引号没有闭合），文件格式不正确。");
        _field.Append(text);
    }

    private void CheckControls(ReadOnlySpan<char> text, bool allowLineBreaks)
    {
        foreach (var ch in text)
        {
            if (ch == ImportTextEncoding.Undecodable) throw new ImportUndecodableException(Row);
            if (ch >= ' ' || ch == '\t' || (allowLineBreaks && ch is '\r' or '\n')) continue;
            throw new ImportFormatException(Row, $"文件含有不可打印的控制字符（U+{(int)ch:X4}），可能不是文本 CSV 文件。");
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        if (_pos < _len) return true;
        if (_eof) return false;
        _len = await reader.ReadAsync(_buffer.AsMemory(), ct);
        _pos = 0;
        if (_len == 0) { _eof = true; return false; }
        return true;
    }
}
