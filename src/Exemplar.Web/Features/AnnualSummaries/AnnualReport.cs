using Exemplar.Web.Features.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.AnnualSummaries;

/// <summary>
/// A local authority's 年度报告 for one programme and year: its regular check of each designated base in its area — a
/// finding per item of the policy's <c>localChecks</c> — with the bases' submitted summaries attached (linked) and the
/// area's totals, filed with the designating authority by the due date of <c>localAnnualReportDue</c>. Submitted
/// reports are frozen (no later version: the authority files a new year's report instead); late ones are marked.
/// </summary>
public sealed class AnnualReport
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>The reporting authority's jurisdiction (a county, zone or prefecture).</summary>
    public required string JurisdictionCode { get; init; }
    public required string ProgrammeId { get; init; }
    public int Year { get; init; }
    public FilingStatus Status { get; set; } = FilingStatus.Draft;
    /// <summary>The <see cref="BaseCheck"/>s as JSON, one per base of the area, items in the policy's order.</summary>
    public string ChecksJson { get; set; } = "[]";
    public string Narrative { get; set; } = "";
    /// <summary>当年工作计划 where the policy's report items list it (昆明第十七条).</summary>
    public string? WorkPlan { get; set; }
    /// <summary>The area totals as submitted (<see cref="AreaTotals"/>); null while a draft.</summary>
    public string? TotalsJson { get; set; }
    public DateOnly DueDate { get; set; }
    public required string SubmitTo { get; set; }
    public required string Citation { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public int? DaysLate { get; set; }
    public string? SubmittedByName { get; set; }
    public uint Version { get; set; }
}

/// <summary>The check of one base: its designation, name, the summary attached (if submitted) and a finding per item.</summary>
public sealed record BaseCheck(Guid DesignationId, Guid CarrierId, string BaseName, Guid? SummaryId, IReadOnlyList<CheckFinding> Findings);

public sealed record CheckFinding(string Item, string Finding);

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.ToTable("annual_reports");
        b.Property(x => x.JurisdictionCode).HasMaxLength(12);
        b.Property(x => x.ProgrammeId).HasMaxLength(60);
        b.Property(x => x.ChecksJson).HasColumnType("jsonb");
        b.Property(x => x.Narrative).HasMaxLength(SummaryLimits.ReportNarrative);
        b.Property(x => x.WorkPlan).HasMaxLength(SummaryLimits.WorkPlan);
        b.Property(x => x.TotalsJson).HasColumnType("jsonb");
        b.Property(x => x.SubmitTo).HasMaxLength(200);
        b.Property(x => x.Citation).HasMaxLength(200);
        b.Property(x => x.SubmittedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => new { x.JurisdictionCode, x.ProgrammeId, x.Year }).IsUnique();
        b.HasOne<Jurisdiction>().WithMany().HasForeignKey(x => x.JurisdictionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
