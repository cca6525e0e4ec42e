using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Recommendations;

/// <summary>
/// 推荐 / 初审: one recommending level's worksheet on one submitted application version — per material complete or not,
/// notes where the officer disagrees with the applicant's figure, the on-site audit (聊城第十二条), the satisfaction sample
/// (昆明第十条), the opinion and the decision. Signing freezes it: <see cref="Hash"/> over its canonical JSON.
/// </summary>
public sealed class Recommendation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; init; }
    /// <summary>The policy's level order (1 = the first recommending level).</summary>
    public int Level { get; init; }
    /// <summary>The application version the worksheet judges.</summary>
    public int ApplicationVersion { get; set; }
    /// <summary>Material slot id → complete (true) or not, as JSON.</summary>
    public string MaterialsJson { get; set; } = "{}";
    /// <summary>Condition (fact key) → the officer's note where the applicant's figure is disputed, as JSON.</summary>
    public string NotesJson { get; set; } = "{}";
    public DateOnly? AuditDate { get; set; }
    public string? AuditInspectors { get; set; }
    public string? AuditFindings { get; set; }
    public List<Guid> AuditPhotoIds { get; set; } = [];
    public Guid? SampleId { get; set; }
    /// <summary>
    /// 测评 (西藏第十二条: 运营情况、服务业绩、满意度) where the level fills a 推荐表 per carrier: item → <see cref="AssessmentEntry"/>, as JSON.
    /// </summary>
    public string AssessmentJson { get; set; } = "{}";
    public string? Opinion { get; set; }
    public bool? Recommend { get; set; }
    public DateTimeOffset? SignedAt { get; set; }
    public Guid? SignedBy { get; set; }
    public string? SignedByName { get; set; }
    /// <summary>The signed record (canonical JSON, the sample's answers included), kept byte for byte; its SHA-256 is <see cref="Hash"/>.</summary>
    public string? SignedJson { get; set; }
    public string? Hash { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public bool IsSigned => SignedAt is not null;
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> b)
    {
        b.ToTable("recommendations");
        b.Property(x => x.MaterialsJson).HasColumnType("jsonb");
        b.Property(x => x.NotesJson).HasColumnType("jsonb");
        b.Property(x => x.AssessmentJson).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
        b.Property(x => x.AuditInspectors).HasMaxLength(RecommendationLimits.Inspectors);
        b.Property(x => x.AuditFindings).HasMaxLength(RecommendationLimits.Findings);
        b.Property(x => x.Opinion).HasMaxLength(Domain.Workflow.RecommendationGate.MaxOpinion);
        b.Property(x => x.SignedByName).HasMaxLength(100);
        b.Property(x => x.SignedJson).HasColumnType("text");
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        // One worksheet per application and level: two officers opening it at once share it, and the second signature loses.
        b.HasIndex(x => new { x.ApplicationId, x.Level }).IsUnique();
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SurveySample>().WithMany().HasForeignKey(x => x.SampleId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The officer's 测评 of one item: a grade and what it rests on.</summary>
public sealed record AssessmentEntry(string Grade, string? Basis);

public static class RecommendationLimits
{
    /// <summary>
    /// The grades a 测评 takes. The texts name the items (西藏第十二条) but no scale; this four-step scale is the product's,
    /// and 不合格 matches the word 西藏第十九条 uses for a failed 测评.
    /// </summary>
    public static readonly IReadOnlyList<string> AssessmentGrades = ["优秀", "良好", "合格", "不合格"];
    public const int AssessmentBasis = 500;
    public const int Inspectors = 300;
    public const int Findings = 3000;
    public const int Note = 500;
    public const int Photos = 10;
}
