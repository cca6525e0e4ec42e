using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.SiteInspections;

/// <summary>现场核查的结论: 通过 / 不通过 (drops from the shortlist) / 限期整改 (by <see cref="SiteInspection.RectifyBy"/>).</summary>
public enum InspectionConclusion { Passes = 1, Fails = 2, Rectify = 3 }

/// <summary>
/// 现场核查 of one shortlisted application after the expert review (昆明办法第十二条; 聊城第十二条 where necessary): the
/// team, the date, a finding per condition with photos, the conclusion. A base that fails drops from the shortlist
/// (<see cref="Reviews.ShortlistLine.ExcludedByInspection"/> keeps the reason). A 限期整改 may be followed by a new
/// record after the rectification; 通过 and 不通过 are final.
/// </summary>
public sealed class SiteInspection
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CallId { get; init; }
    public Guid ApplicationId { get; init; }
    public required string Team { get; set; }
    public DateOnly Date { get; set; }
    /// <summary><see cref="InspectionFinding"/>s as JSON, in the policy's condition order.</summary>
    public string FindingsJson { get; set; } = "[]";
    public InspectionConclusion Conclusion { get; set; }
    public DateOnly? RectifyBy { get; set; }
    /// <summary>The reason for 不通过, the requirements of 限期整改, or a remark for 通过.</summary>
    public string? Reason { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedByName { get; set; }
    public uint Version { get; set; }

    public bool IsFinal => Conclusion != InspectionConclusion.Rectify;
}

/// <summary>What the team found on one condition of the policy (id, citation and requirement as frozen in the submission), with its photos.</summary>
public sealed record InspectionFinding(string ConditionId, string Citation, string Requirement, string Finding, IReadOnlyList<Guid> PhotoIds);

internal sealed class SiteInspectionConfiguration : IEntityTypeConfiguration<SiteInspection>
{
    public void Configure(EntityTypeBuilder<SiteInspection> b)
    {
        b.ToTable("site_inspections");
        b.Property(x => x.Team).HasMaxLength(SiteInspectionLimits.Team);
        b.Property(x => x.FindingsJson).HasColumnType("jsonb");
        b.Property(x => x.Reason).HasMaxLength(SiteInspectionLimits.Reason);
        b.Property(x => x.RecordedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => x.ApplicationId).IsUnique();
        b.HasIndex(x => x.CallId);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class SiteInspectionLimits
{
    public const int Team = 300;
    public const int Finding = 1000;
    public const int Reason = 2000;
    public const int PhotosPerCondition = 5;
    public const int Photos = 30;
}
