using Exemplar.Web.Features.Applications;

namespace Exemplar.Web.Features.Recommendations;

/// <summary>
/// What a signature freezes, as canonical JSON: the application version and its package hash, the worksheet, the
/// sample (seed, population, members) with every recorded answer, the decision and the signer. Its SHA-256 is the
/// recommendation's hash, so the next level can check that what it reads is what was signed.
/// </summary>
public sealed record SignedRecommendation(
    string Schema, Guid ApplicationId, string? ReceiptNumber, int ApplicationVersion, string? PackageHash, int Level,
    IReadOnlyDictionary<string, bool> Materials, IReadOnlyDictionary<string, string> Notes,
    DateOnly? AuditDate, string? AuditInspectors, string? AuditFindings, IReadOnlyList<Guid> AuditPhotoIds,
    SignedSample? Sample, string? Opinion, bool? Recommend, Guid? SignedBy, string? SignedByName, DateTimeOffset? SignedAt,
    IReadOnlyDictionary<string, AssessmentEntry>? Assessment = null)
{
    /// <summary>v2 adds the 测评 (西藏第十二条); records signed as v1 keep their bytes.</summary>
    public const string SchemaId = "exemplar.recommendation.v2";

    public static string Write(RecommendationFile r, Recommendation s) => ApplicationJson.Write(new SignedRecommendation(
        SchemaId, r.File.Application.Id, r.File.Application.ReceiptNumber, r.File.Current.Number, r.File.Current.PackageHash, s.Level,
        ApplicationJson.Read<Dictionary<string, bool>>(s.MaterialsJson), ApplicationJson.Read<Dictionary<string, string>>(s.NotesJson),
        s.AuditDate, s.AuditInspectors, s.AuditFindings, s.AuditPhotoIds,
        r.Sample is { } x ? new SignedSample(x.Id, x.Seed, x.SharePercent, x.PopulationCount, x.PopulationDate, x.MemberIds, x.RedrawReason,
            r.Answers.OrderBy(a => a.EnterpriseId).Select(a => new SignedAnswer(a.EnterpriseId, a.Reached ? a.Satisfied : null, a.ContactMethod.ToString(), a.Comment)).ToList()) : null,
        s.Opinion, s.Recommend, s.SignedBy, s.SignedByName, s.SignedAt,
        r.AssessedItems.Count == 0 ? null : ApplicationJson.Read<Dictionary<string, AssessmentEntry>>(s.AssessmentJson)));
}

public sealed record SignedSample(Guid Id, long Seed, decimal SharePercent, int PopulationCount, DateOnly PopulationDate,
    IReadOnlyList<Guid> Members, string? RedrawReason, IReadOnlyList<SignedAnswer> Answers);

/// <param name="Satisfied">Null for 无法联系 (ContactMethod Unreachable, the reason in the comment).</param>
public sealed record SignedAnswer(Guid EnterpriseId, bool? Satisfied, string ContactMethod, string? Comment);
