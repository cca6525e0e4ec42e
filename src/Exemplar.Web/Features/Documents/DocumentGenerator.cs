using Exemplar.Web.Features.Documents.Applications;
using Exemplar.Web.Features.Documents.Building;
using Exemplar.Web.Features.Documents.Certificates;
using Exemplar.Web.Features.Documents.Kunming;
using Exemplar.Web.Features.Documents.Liaocheng;
using Exemplar.Web.Features.Documents.Official;
using Exemplar.Web.Features.Documents.Tibet;

namespace Exemplar.Web.Features.Documents;

/// <summary>A generated file as a page or endpoint returns it: <c>File(d.Bytes, d.ContentType, d.FileName)</c>.</summary>
public sealed record GeneratedDocument(string FileName, string ContentType, byte[] Bytes);

/// <summary>
/// The documents the workflow areas download: each from its plain input record, named for what it is. Pure and
/// stateless (same record, same bytes), so one instance serves all requests.
/// </summary>
public sealed class DocumentGenerator
{
    public GeneratedDocument KunmingApplicationReport(ApplicationDocumentData data) =>
        Docx($"{data.Base.BaseName}-示范基地认定申请报告", Kunming.KunmingApplicationReport.Render(data));

    public GeneratedDocument KunmingRecommendationSummaryDocx(KunmingRecommendationSummaryData data) =>
        Docx($"{data.RecommendingUnit}-示范基地推荐汇总表", KunmingRecommendationSummary.RenderDocx(data));

    public GeneratedDocument KunmingRecommendationSummaryXlsx(KunmingRecommendationSummaryData data) =>
        new(FileName($"{data.RecommendingUnit}-示范基地推荐汇总表") + ".xlsx", XlsxListWriter.ContentType, KunmingRecommendationSummary.RenderXlsx(data));

    public GeneratedDocument TibetApplicationReport(ApplicationDocumentData data, string recommendingAuthority) =>
        Docx($"{data.Base.BaseName}-示范基地申请报告", Tibet.TibetApplicationReport.Render(data, recommendingAuthority));

    public GeneratedDocument TibetRecommendationForm(TibetRecommendationData data) =>
        Docx($"{data.Base.BaseName}-示范基地推荐表", Tibet.TibetRecommendationForm.Render(data));

    public GeneratedDocument LiaochengApplicationForm(ApplicationDocumentData data, IReadOnlySet<int>? submittedMaterials) =>
        Docx($"{data.Base.BaseName}-示范基地认定申请表", Liaocheng.LiaochengApplicationForm.Render(data, submittedMaterials));

    public GeneratedDocument Official(OfficialDocumentData data) => Docx(data.Title.Replace("\n", ""), OfficialDocument.Render(data));

    /// <summary>公示, named by its title.</summary>
    public GeneratedDocument PublicNotice(PublicNoticeData data) => Official(OfficialNotices.PublicNotice(data));

    /// <summary>公告 of designation, named by its title.</summary>
    public GeneratedDocument Announcement(DesignationAnnouncementData data) => Official(OfficialNotices.Announcement(data));

    /// <summary>撤销决定, named by its number and the base (its title alone is long).</summary>
    public GeneratedDocument Revocation(RevocationDecisionData data) =>
        Docx($"{data.Base.BaseName}-撤销称号决定" + (data.DocumentNumber.Length > 0 ? "-" + data.DocumentNumber : ""), OfficialDocument.Render(OfficialNotices.Revocation(data)));

    public GeneratedDocument Certificate(CertificateData data) => Docx($"{data.BaseName}-证书-{data.Number}", Certificates.Certificate.Render(data));

    /// <summary>An officer's list (applications, recommendations, scores, registry) as XLSX.</summary>
    public GeneratedDocument List(string name, XlsxList list) => new(FileName(name) + ".xlsx", XlsxListWriter.ContentType, XlsxListWriter.Write(list));

    private static GeneratedDocument Docx(string name, byte[] bytes) => new(FileName(name) + ".docx", DocxRenderer.ContentType, bytes);

    /// <summary>A download name without path or reserved characters, at most 80 characters.</summary>
    public static string FileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var clean = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim(' ', '.');
        if (clean.Length == 0) clean = "文档";
        return clean.Length > 80 ? clean[..80] : clean;
    }
}
