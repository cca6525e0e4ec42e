using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.AnnualSummaries;

public enum FilingStatus { Draft = 1, Submitted = 2 }

/// <summary>
/// One version of a designated base's 年度工作总结 on <see cref="Year"/> (上一年度), filed by its operator with the
/// authority the text names (<see cref="SubmitTo"/>). A submitted version is frozen — its figures are kept as they were
/// (<see cref="FiguresJson"/>) — and a later correction is a new version (<see cref="Number"/> + 1) that leaves it intact.
/// The first submitted version fulfils the obligation; lateness is counted against <see cref="DueDate"/>.
/// </summary>
public sealed class AnnualSummary
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DesignationId { get; init; }
    public Guid CarrierId { get; init; }
    public int Year { get; init; }
    public int Number { get; init; }
    public FilingStatus Status { get; set; } = FilingStatus.Draft;
    /// <summary>工作总结 narrative.</summary>
    public string Narrative { get; set; } = "";
    /// <summary>当年工作计划, where the policy lists it among the items (昆明第十六条); null otherwise.</summary>
    public string? WorkPlan { get; set; }
    /// <summary>The ledger figures as submitted (<see cref="SummaryFigures"/>); null while a draft (shown live).</summary>
    public string? FiguresJson { get; set; }
    public DateOnly DueDate { get; set; }
    public required string SubmitTo { get; set; }
    /// <summary>《办法》第十四条 — the article that sets the deadline.</summary>
    public required string Citation { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>The submission's date in Beijing time.</summary>
    public DateOnly? SubmittedOn { get; set; }
    public int? DaysLate { get; set; }
    public string? SubmittedByName { get; set; }
    public uint Version { get; set; }
}

internal sealed class AnnualSummaryConfiguration : IEntityTypeConfiguration<AnnualSummary>
{
    public void Configure(EntityTypeBuilder<AnnualSummary> b)
    {
        b.ToTable("annual_summaries");
        b.Property(x => x.Narrative).HasMaxLength(SummaryLimits.Narrative);
        b.Property(x => x.WorkPlan).HasMaxLength(SummaryLimits.WorkPlan);
        b.Property(x => x.FiguresJson).HasColumnType("jsonb");
        b.Property(x => x.SubmitTo).HasMaxLength(200);
        b.Property(x => x.Citation).HasMaxLength(200);
        b.Property(x => x.SubmittedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => new { x.DesignationId, x.Year, x.Number }).IsUnique();
        // At most one draft per base and year: a second 修订 while one is open is refused by the database too.
        b.HasIndex(x => new { x.DesignationId, x.Year }).IsUnique().HasFilter("status = 1").HasDatabaseName("ix_annual_summaries_one_draft");
        b.HasIndex(x => x.CarrierId);
        b.HasOne<Designation>().WithMany().HasForeignKey(x => x.DesignationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Carrier>().WithMany().HasForeignKey(x => x.CarrierId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Server-side ranges of the summary's and report's text fields (shown as maxlength in the forms).</summary>
public static class SummaryLimits
{
    public const int NarrativeMin = 50;
    public const int Narrative = 20000;
    public const int WorkPlanMin = 20;
    public const int WorkPlan = 10000;
    public const int Finding = 1000;
    public const int ReportNarrative = 20000;
    public const int ReportNarrativeMin = 20;
}
