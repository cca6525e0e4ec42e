using System.IO.Compression;

namespace Exemplar.Web.Features.Documents.Building;

/// <summary>
/// Re-zips an Open XML package so that the bytes depend only on the parts' content: ZipArchive stamps each entry
/// with the current time, so entries are rewritten in a fixed order ([Content_Types].xml, _rels/.rels, then by
/// name) with one fixed time and the same compression.
/// </summary>
public static class DeterministicPackage
{
    /// <summary>The DOS epoch, the earliest time a ZIP entry can carry.</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Normalise(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream(package.Length);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.OrderBy(Rank).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = EntryTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }

    private static int Rank(ZipArchiveEntry e) => e.FullName switch
    {
        "[Content_Types].xml" => 0,
        "_rels/.rels" => 1,
        _ => 2,
    };
}
