using Exemplar.Domain.Evaluation;
using Exemplar.Domain.Review;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Features.Reviews.Experts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Evaluations;

public enum EvaluationStage
{
    /// <summary>准备中: settings, rubric, cut-offs, star scale, tiers and participation may change.</summary>
    Preparing = 1,
    /// <summary>评分中: panels drawn; rubric, cut-offs, star scale and tiers frozen; experts score; the authority confirms outcomes.</summary>
    Scoring = 2,
}

/// <summary>
/// One evaluation round (测评 / 绩效评价和星级评定) of a programme and year, opened by the programme's designating authority
/// (<see cref="JurisdictionCode"/> = the programme's region). The policy version it follows is pinned at opening. Rubric,
/// cut-offs, star scale and funding tiers are JSON of the domain records, frozen once scoring opens.
/// </summary>
public sealed class EvaluationRound
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string ProgrammeId { get; init; }
    public required string PolicyVersion { get; init; }
    public required string JurisdictionCode { get; init; }
    public int Year { get; init; }
    public required string Name { get; set; }
    public EvaluationStage Stage { get; set; } = EvaluationStage.Preparing;
    public int PanelSize { get; set; } = 3;
    public int ReserveCount { get; set; } = 1;
    public bool ExcludeSameCounty { get; set; }
    public DateOnly ScoringDeadline { get; set; }
    /// <summary><see cref="RubricItem"/>s (all of kind Added), as JSON.</summary>
    public string RubricJson { get; set; } = "[]";
    /// <summary><see cref="Cutoff"/>s, as JSON.</summary>
    public string CutoffsJson { get; set; } = "[]";
    /// <summary><see cref="StarStep"/>s, as JSON (empty where the programme has no star rating).</summary>
    public string StarScaleJson { get; set; } = "[]";
    /// <summary><see cref="FundingTier"/>s, as JSON (empty where no outcome funds by tier).</summary>
    public string TiersJson { get; set; } = "[]";
    public long? Seed { get; set; }
    /// <summary>The draw as canonical JSON (<see cref="DrawRecord"/>, the subjects standing where applications stand) and its SHA-256.</summary>
    public string? DrawJson { get; set; }
    public string? DrawHash { get; set; }
    public string? Witnesses { get; set; }
    public DateTimeOffset? ScoringOpenedAt { get; set; }
    public string? ScoringOpenedByName { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? CreatedByName { get; init; }
    public uint Version { get; set; }
}

/// <summary>
/// One designated base in a round: whether it takes part (北京第十三条: not taking part counts as 不合格), and once the
/// authority confirms, the grade, what follows (action, ground and article from the policy), stars and funding tier.
/// </summary>
public sealed class EvaluationSubject
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RoundId { get; init; }
    public Guid DesignationId { get; init; }
    public bool Participates { get; set; } = true;
    public decimal? Score { get; set; }
    public string? ProposedGrade { get; set; }
    public string? Grade { get; set; }
    public string? Action { get; set; }
    public string? GroundId { get; set; }
    public string? Citation { get; set; }
    public string? OverrideReason { get; set; }
    public int? Stars { get; set; }
    public string? TierName { get; set; }
    public decimal? TierAmountWan { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? ConfirmedByName { get; set; }
    public uint Version { get; set; }

    public bool Confirmed => ConfirmedAt is not null;
}

/// <summary>One expert on one base's panel (or its reserve list), from declaration to submitted marks; states as in expert review.</summary>
public sealed class EvaluationAssignment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RoundId { get; init; }
    public Guid SubjectId { get; init; }
    public Guid ExpertId { get; init; }
    public int Position { get; init; }
    public AssignmentState State { get; set; }
    public DateTimeOffset? CalledInAt { get; set; }
    public DateTimeOffset? DeclaredAt { get; set; }
    public string? ConflictReason { get; set; }
    public string? MarksJson { get; set; }
    public decimal? Total { get; set; }
    public string? Opinion { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>择优推荐: the designating authority's reason for putting a valid base forward in a year (no row: not put forward).</summary>
public sealed class RecommendationCandidate
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DesignationId { get; init; }
    public int Year { get; init; }
    public required string Reason { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }
    public uint Version { get; set; }
}

public static class EvaluationLimits
{
    public const int Name = 60;
    public const int Reason = 500;
    public const int MaxRubricItems = 12;
    public const int Opinion = ReviewLimits.Opinion;
}

internal sealed class EvaluationConfiguration :
    IEntityTypeConfiguration<EvaluationRound>, IEntityTypeConfiguration<EvaluationSubject>, IEntityTypeConfiguration<EvaluationAssignment>,
    IEntityTypeConfiguration<RecommendationCandidate>
{
    public void Configure(EntityTypeBuilder<EvaluationRound> b)
    {
        b.ToTable("evaluation_rounds");
        b.Property(x => x.ProgrammeId).HasMaxLength(60);
        b.Property(x => x.PolicyVersion).HasMaxLength(30);
        b.Property(x => x.JurisdictionCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(EvaluationLimits.Name);
        b.Property(x => x.RubricJson).HasColumnType("jsonb");
        b.Property(x => x.CutoffsJson).HasColumnType("jsonb");
        b.Property(x => x.StarScaleJson).HasColumnType("jsonb");
        b.Property(x => x.TiersJson).HasColumnType("jsonb");
        b.Property(x => x.DrawJson).HasColumnType("text");
        b.Property(x => x.DrawHash).HasMaxLength(64);
        b.Property(x => x.Witnesses).HasMaxLength(ReviewLimits.Witnesses);
        b.Property(x => x.ScoringOpenedByName).HasMaxLength(100);
        b.Property(x => x.CreatedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => new { x.ProgrammeId, x.Year, x.JurisdictionCode });
    }

    public void Configure(EntityTypeBuilder<EvaluationSubject> b)
    {
        b.ToTable("evaluation_subjects");
        b.Property(x => x.Score).HasPrecision(7, 2);
        b.Property(x => x.ProposedGrade).HasMaxLength(20);
        b.Property(x => x.Grade).HasMaxLength(20);
        b.Property(x => x.Action).HasMaxLength(30);
        b.Property(x => x.GroundId).HasMaxLength(60);
        b.Property(x => x.Citation).HasMaxLength(60);
        b.Property(x => x.OverrideReason).HasMaxLength(EvaluationLimits.Reason);
        b.Property(x => x.TierName).HasMaxLength(20);
        b.Property(x => x.TierAmountWan).HasPrecision(12, 2);
        b.Property(x => x.ConfirmedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.Ignore(x => x.Confirmed);
        b.HasIndex(x => new { x.RoundId, x.DesignationId }).IsUnique();
        b.HasIndex(x => x.DesignationId);
        b.HasOne<EvaluationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Designation>().WithMany().HasForeignKey(x => x.DesignationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<EvaluationAssignment> b)
    {
        b.ToTable("evaluation_assignments");
        b.Property(x => x.ConflictReason).HasMaxLength(ReviewLimits.Reason);
        b.Property(x => x.MarksJson).HasColumnType("jsonb");
        b.Property(x => x.Total).HasPrecision(7, 2);
        b.Property(x => x.Opinion).HasMaxLength(EvaluationLimits.Opinion);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => new { x.SubjectId, x.ExpertId }).IsUnique();
        b.HasIndex(x => x.ExpertId);
        b.HasOne<EvaluationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EvaluationSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<RecommendationCandidate> b)
    {
        b.ToTable("recommendation_candidates");
        b.Property(x => x.Reason).HasMaxLength(EvaluationLimits.Reason);
        b.Property(x => x.UpdatedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => new { x.DesignationId, x.Year }).IsUnique();
        b.HasOne<Designation>().WithMany().HasForeignKey(x => x.DesignationId).OnDelete(DeleteBehavior.Restrict);
    }
}
