using Exemplar.Domain.Review;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Reviews.Experts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Reviews;

public enum ReviewStage
{
    /// <summary>准备中: settings and rubric may change; nothing drawn.</summary>
    Preparing = 1,
    /// <summary>已抽取: panels drawn, rubric frozen; experts declare and score.</summary>
    Drawn = 2,
    /// <summary>已确定入围名单: the designating authority fixed the shortlist.</summary>
    ShortlistFixed = 3,
}

/// <summary>
/// 专家评审 of one call: panel size and reserves, the same-county rule, the experts' deadline, the rubric, and — once
/// drawn — the seed, the frozen pool and exclusions (JSON, hashed), who witnessed, and later the shortlist.
/// </summary>
public sealed class ExpertReview
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CallId { get; init; }
    public int PanelSize { get; set; } = 3;
    public int ReserveCount { get; set; } = 2;
    public bool ExcludeSameCounty { get; set; }
    public DateOnly ScoringDeadline { get; set; }
    public ReviewStage Stage { get; set; } = ReviewStage.Preparing;
    public long? Seed { get; set; }
    /// <summary><see cref="DrawRecord"/> as canonical JSON: pool, exclusions, applications with their versions, panels.</summary>
    public string? DrawJson { get; set; }
    public string? DrawHash { get; set; }
    public string? Witnesses { get; set; }
    public DateTimeOffset? DrawnAt { get; set; }
    public string? DrawnByName { get; set; }
    /// <summary>Shortlist (<see cref="ShortlistLine"/>s as JSON) fixed by the designating authority.</summary>
    public string? ShortlistJson { get; set; }
    public DateTimeOffset? ShortlistFixedAt { get; set; }
    public string? ShortlistFixedByName { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<ReviewRubricItem> Rubric { get; set; } = [];
    public uint Version { get; set; }
}

/// <summary>One scored item of a call's rubric (<see cref="RubricItem"/> in the domain).</summary>
public sealed class ReviewRubricItem
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public int Order { get; set; }
    /// <summary>The policy condition's id, or add-N for an item the authority added.</summary>
    public required string Key { get; set; }
    public required string Label { get; set; }
    public string? Citation { get; set; }
    public List<string> Checklist { get; set; } = [];
    public RubricItemKind Kind { get; set; }
    public decimal MaxScore { get; set; }
    public decimal Weight { get; set; }

    public RubricItem ToDomain() => new(Key, Label, Kind, MaxScore, Weight);
}

public enum AssignmentState
{
    /// <summary>备选: drawn as a reserve, not called in.</summary>
    Reserve = 1,
    /// <summary>待声明: on the panel, has not declared yet; sees nothing of the application.</summary>
    Assigned = 2,
    /// <summary>评分中: declared no conflict; sees the frozen application and scores.</summary>
    Cleared = 3,
    /// <summary>已回避: declared a conflict; removed, the next reserve called in.</summary>
    Conflicted = 4,
    /// <summary>已提交: scores and opinion submitted, final.</summary>
    Submitted = 5,
}

/// <summary>One expert on one application's panel (or its reserve list), from declaration to submitted scores.</summary>
public sealed class ReviewAssignment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReviewId { get; init; }
    public Guid ApplicationId { get; init; }
    /// <summary>The submitted version the expert reviews (the current one when the panel was drawn).</summary>
    public int ApplicationVersion { get; init; }
    public Guid ExpertId { get; init; }
    /// <summary>Draw order: 0 … panel size − 1 on the panel, then the reserves in the order they step in.</summary>
    public int Position { get; init; }
    public AssignmentState State { get; set; }
    public DateTimeOffset? CalledInAt { get; set; }
    public DateTimeOffset? DeclaredAt { get; set; }
    public string? ConflictReason { get; set; }
    /// <summary>Item key → score, null for 不适用, as JSON.</summary>
    public string? MarksJson { get; set; }
    public decimal? Total { get; set; }
    public string? Opinion { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public uint Version { get; set; }
}

internal sealed class ExpertReviewConfiguration :
    IEntityTypeConfiguration<ExpertReview>, IEntityTypeConfiguration<ReviewRubricItem>, IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ExpertReview> b)
    {
        b.ToTable("expert_reviews");
        b.Property(x => x.DrawJson).HasColumnType("text");
        b.Property(x => x.DrawHash).HasMaxLength(64);
        b.Property(x => x.Witnesses).HasMaxLength(ReviewLimits.Witnesses);
        b.Property(x => x.DrawnByName).HasMaxLength(100);
        b.Property(x => x.ShortlistJson).HasColumnType("jsonb");
        b.Property(x => x.ShortlistFixedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => x.CallId).IsUnique();
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Rubric).WithOne().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReviewRubricItem> b)
    {
        b.ToTable("review_rubric_items");
        b.Property(x => x.Key).HasMaxLength(60);
        b.Property(x => x.Label).HasMaxLength(ReviewLimits.ItemLabel);
        b.Property(x => x.Citation).HasMaxLength(60);
        b.Property(x => x.MaxScore).HasPrecision(6, 2);
        b.Property(x => x.Weight).HasPrecision(6, 2);
        b.HasIndex(x => new { x.ReviewId, x.Key }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ReviewAssignment> b)
    {
        b.ToTable("review_assignments");
        b.Property(x => x.ConflictReason).HasMaxLength(ReviewLimits.Reason);
        b.Property(x => x.MarksJson).HasColumnType("jsonb");
        b.Property(x => x.Total).HasPrecision(7, 2);
        b.Property(x => x.Opinion).HasMaxLength(ReviewLimits.Opinion);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => new { x.ReviewId, x.ApplicationId, x.ExpertId }).IsUnique();
        b.HasIndex(x => x.ExpertId);
        b.HasOne<ExpertReview>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class ReviewLimits
{
    public const int Witnesses = 200;
    public const int ItemLabel = 200;
    public const int Reason = 500;
    public const int Opinion = 4000;
    public const int MaxAddedItems = 20;
}

/// <summary>
/// One line of the fixed shortlist: the application, its computed rank, in or out, and the reason where it departs from the
/// ranking. <paramref name="ExcludedByInspection"/> is set (with the inspection's reason) when a site inspection (现场核查)
/// failed the base afterwards: the line stays, as fixed, and the base is out.
/// </summary>
public sealed record ShortlistLine(Guid ApplicationId, int? Rank, bool Included, string? Reason, string? ExcludedByInspection = null)
{
    /// <summary>On the shortlist now: included when it was fixed and not failed by a site inspection since.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public bool Stays => Included && ExcludedByInspection is null;
}
