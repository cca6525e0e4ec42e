using Exemplar.Domain.Ledger;
using Exemplar.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Exemplar.Web.Features.Carriers;

namespace Exemplar.Web.Features.Surveys;

/// <summary>A personal satisfaction-survey link sent to one resident enterprise. Only the token's hash is stored.</summary>
public sealed class SurveyInvitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CarrierId { get; set; }
    public Guid EnterpriseId { get; set; }
    public int Year { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>Set when the operator re-issues the link (the new one replaces it) — a revoked link is refused.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
    [Infrastructure.Security.PersonalData]
    public string? Comment { get; set; }
    public uint Version { get; set; }
}

/// <summary>One judgement in a survey response: satisfied or not overall (<see cref="Function"/> null) or with one service function received.</summary>
public sealed class SurveyAnswer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InvitationId { get; set; }
    public ServiceFunction? Function { get; set; }
    public bool Satisfied { get; set; }
}

/// <summary>An authority's reproducible random sample of resident enterprises (seed recorded).</summary>
public sealed class SurveySample
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CarrierId { get; set; }
    public int Year { get; set; }
    public decimal SharePercent { get; set; }
    public long Seed { get; set; }
    public int PopulationCount { get; set; }
    public DateOnly PopulationDate { get; set; }
    /// <summary>The population snapshot in the sampler's canonical order, so the draw can be recomputed later.</summary>
    public List<Guid> PopulationIds { get; set; } = [];
    public List<Guid> MemberIds { get; set; } = [];
    public required string DrawnBy { get; set; }
    public DateTimeOffset DrawnAt { get; set; }
    /// <summary>Set when the officer closes the sample; answers are frozen and the operator may see the result.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    /// <summary>Why the officer drew another sample for a base and year that already had one (null for the first).</summary>
    public string? RedrawReason { get; set; }
    /// <summary>The application whose recommendation this sample serves (昆明第十条, drawn after submission); null for a routine check.</summary>
    public Guid? ApplicationId { get; set; }
    public uint Version { get; set; }
}

/// <summary>The answer an authority recorded for one sampled enterprise (kept apart from the operator's survey).</summary>
public sealed class SurveySampleAnswer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SampleId { get; set; }
    public Guid EnterpriseId { get; set; }
    public bool Satisfied { get; set; }
    public SampleContactMethod ContactMethod { get; set; }
    [Infrastructure.Security.PersonalData]
    public string? Comment { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public uint Version { get; set; }

    /// <summary>Reached and judged (satisfied or not); false for 无法联系, which has its reason in <see cref="Comment"/>.</summary>
    public bool Reached => ContactMethod != SampleContactMethod.Unreachable;
}

/// <summary>
/// How the officer reached the sampled enterprise: 电话 / 实地走访 / 线上 / 其他, or 无法联系 (no judgement; the reason is
/// the comment, required).
/// </summary>
public enum SampleContactMethod { Phone = 1, Visit = 2, Online = 3, Other = 4, Unreachable = 5 }

internal sealed class SurveyConfigurations :
    IEntityTypeConfiguration<SurveyInvitation>, IEntityTypeConfiguration<SurveyAnswer>,
    IEntityTypeConfiguration<SurveySample>, IEntityTypeConfiguration<SurveySampleAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.ToTable("survey_invitations");
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.CarrierId, x.Year });
        // At most one live (not revoked) link per enterprise and round: two operators issuing at once cannot both win.
        b.HasIndex(x => new { x.EnterpriseId, x.Year }).IsUnique().HasFilter("revoked_at IS NULL");
        b.HasOne<Carrier>().WithMany().HasForeignKey(x => x.CarrierId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ResidentEnterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.ToTable("survey_answers");
        b.HasIndex(x => x.InvitationId);
        b.HasOne<SurveyInvitation>().WithMany().HasForeignKey(x => x.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SurveySample> b)
    {
        b.ToTable("survey_samples");
        b.Property(x => x.SharePercent).HasPrecision(5, 2);
        b.Property(x => x.DrawnBy).HasMaxLength(100);
        b.Property(x => x.CompletedBy).HasMaxLength(100);
        b.Property(x => x.RedrawReason).HasMaxLength(DrawSampleHandler.MaxReason);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => x.CarrierId);
        b.HasIndex(x => x.ApplicationId);
        b.HasOne<Carrier>().WithMany().HasForeignKey(x => x.CarrierId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Applications.Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SurveySampleAnswer> b)
    {
        b.ToTable("survey_sample_answers");
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => new { x.SampleId, x.EnterpriseId }).IsUnique();
        b.HasOne<SurveySample>().WithMany().HasForeignKey(x => x.SampleId).OnDelete(DeleteBehavior.Cascade);
    }
}
