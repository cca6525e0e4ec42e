namespace Exemplar.Web.Infrastructure.Files;

/// <summary>Limits for uploaded files (section <c>Exemplar:Uploads</c>).</summary>
public sealed class UploadOptions
{
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
    /// <summary>Uncompressed size of a DOCX/XLSX package (zip-bomb guard).</summary>
    public long MaxPackageUncompressedBytes { get; set; } = 200L * 1024 * 1024;
    public int MaxPackageEntries { get; set; } = 5000;
    /// <summary>Largest uncompressed/compressed ratio of a package part bigger than 1 MB.</summary>
    public int MaxCompressionRatio { get; set; } = 200;
}
