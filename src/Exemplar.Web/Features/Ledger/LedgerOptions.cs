namespace Exemplar.Web.Features.Ledger;

/// <summary>Limits for uploads (section <c>Exemplar:Ledger</c>).</summary>
public sealed class LedgerOptions
{
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
    public long MaxImportBytes { get; set; } = 256L * 1024 * 1024;
    /// <summary>Uncompressed size limit of an XLSX package (zip-bomb guard).</summary>
    public long MaxXlsxUncompressedBytes { get; set; } = 200L * 1024 * 1024;
    public int MaxXlsxEntries { get; set; } = 2000;
    /// <summary>Largest uncompressed/compressed ratio of an XLSX part bigger than 1 MB (zip-bomb guard).</summary>
    public int MaxXlsxCompressionRatio { get; set; } = 200;
    /// <summary>Resident-enterprise imports are saved through the change tracker (audited per enterprise), so they are bounded.</summary>
    public int MaxEnterpriseImportRows { get; set; } = 20_000;
    public int SurveyLinkDays { get; set; } = 30;
}
