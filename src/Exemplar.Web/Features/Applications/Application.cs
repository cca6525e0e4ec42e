using Exemplar.Domain.Policies;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Applications;

/// <summary>Where an application stands. Moved only by the handlers of each stage, never set by a page.</summary>
public enum ApplicationStatus
{
    /// <summary>草稿: the applicant organisation is preparing it.</summary>
    Draft = 1,
    /// <summary>已提交: frozen, with a receipt; waiting for the recommending level (or the city, where none).</summary>
    Submitted = 2,
    /// <summary>退回补正: returned by the recommending level; a new version is being corrected.</summary>
    Returned = 3,
    /// <summary>已撤回: withdrawn by the applicant before the deadline.</summary>
    Withdrawn = 4,
    /// <summary>已推荐: the recommending level signed a recommendation; the designating authority now sees it.</summary>
    Recommended = 5,
    /// <summary>未予推荐: the recommending level signed a refusal (with its opinion).</summary>
    NotRecommended = 6,
}

/// <summary>
/// 申报: one carrier's application in one call. Its content lives in numbered <see cref="ApplicationVersion"/>s: the
/// draft, then each submitted version, frozen; a return for correction starts the next version.
/// </summary>
public sealed class Application : IHasJurisdiction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CallId { get; init; }
    public Guid CarrierId { get; init; }
    public Guid OrganizationId { get; init; }
    /// <summary>The carrier's jurisdiction when the application started (who recommends it).</summary>
    public required string JurisdictionCode { get; init; }
    public ApplicationKind Kind { get; init; } = ApplicationKind.New;
    public ApplicationStatus Status { get; set; } = ApplicationStatus.Draft;
    /// <summary>受理编号, given at the first submission and kept by every later version.</summary>
    public string? ReceiptNumber { get; set; }
    /// <summary>The version being worked on or last submitted.</summary>
    public int CurrentVersion { get; set; } = 1;
    /// <summary>The engine's verdict on the last submitted version (for lists and filters; the version keeps the full result).</summary>
    public Verdict? SubmittedVerdict { get; set; }
    /// <summary>All required materials were present at the last submission.</summary>
    public bool MaterialsComplete { get; set; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FirstSubmittedAt { get; set; }
    public DateTimeOffset? LastSubmittedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawalReason { get; set; }
    public uint Version { get; set; }

    string? IHasJurisdiction.JurisdictionCode => JurisdictionCode;
}

public enum VersionState
{
    /// <summary>Being edited (version 1 before submission, or a correction after a return).</summary>
    Draft = 1,
    /// <summary>Submitted and frozen: never edited again.</summary>
    Submitted = 2,
}

/// <summary>
/// One version of an application. While a draft it holds what the applicant typed (figures entered by hand with their
/// reasons, the report's narrative sections, the unit's details); at submission it is frozen as one canonical JSON
/// snapshot — profile, eligibility result with the policy hash, materials with their hashes, the declaration, and all
/// the records the official forms need — with one package hash over it.
/// </summary>
public sealed class ApplicationVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; init; }
    public int Number { get; init; }
    public VersionState State { get; set; } = VersionState.Draft;
    /// <summary>The ledger year the profile is filled from (the last full year before the reference date).</summary>
    public int ProfileYear { get; set; }
    /// <summary><see cref="ApplicantDetails"/> as JSON.</summary>
    public string DetailsJson { get; set; } = "{}";
    /// <summary>Figures typed instead of (or in the absence of) the ledger's: fact key → value and reason, as JSON.</summary>
    public string HandEnteredJson { get; set; } = "{}";
    /// <summary>The application report's narrative sections (昆明附件1 五（一）–（六）), section key → text, as JSON.</summary>
    public string NarrativesJson { get; set; } = "{}";
    /// <summary>For a correction version: the items the return reopened (slot ids, or 'details', 'profile', 'narratives'); null = all.</summary>
    public List<string>? EditableItems { get; set; }
    /// <summary>The report data locked when the stamped report was generated: the submission must carry exactly this.</summary>
    public string? LockedJson { get; set; }
    public string? LockedHash { get; set; }
    public DateTimeOffset? LockedAt { get; set; }
    public Guid? DeclarationAcceptedBy { get; set; }
    public string? DeclarationAcceptedByName { get; set; }
    public DateTimeOffset? DeclarationAcceptedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public Guid? SubmittedBy { get; set; }
    public string? SubmittedByName { get; set; }
    /// <summary>The frozen package (canonical JSON, UTF-8); its SHA-256 is <see cref="PackageHash"/>.</summary>
    public string? SnapshotJson { get; set; }
    public string? PackageHash { get; set; }
    /// <summary>Warnings shown at submission and kept (eligibility not met, missing data), as JSON.</summary>
    public string? WarningsJson { get; set; }
    public uint Version { get; set; }
}

/// <summary>A file in one material slot of one version. A correction version starts with the previous version's files.</summary>
public sealed class ApplicationMaterial
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VersionId { get; init; }
    public Guid SlotId { get; init; }
    public Guid FileId { get; init; }
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public long Size { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

/// <summary>退回补正: what the recommending level reopened, why, and by when the correction must be resubmitted.</summary>
public sealed class ApplicationReturn
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; init; }
    /// <summary>The submitted version that was returned.</summary>
    public int FromVersion { get; init; }
    public required string Reason { get; init; }
    /// <summary>Item → reason as JSON (item: a material slot id, or 'details', 'profile', 'narratives'); see <see cref="ReturnItems"/>.</summary>
    public string ItemsJson { get; init; } = "{}";
    public DateOnly CorrectionDeadline { get; init; }
    public Guid ReturnedBy { get; init; }
    public required string ReturnedByName { get; init; }
    public DateTimeOffset ReturnedAt { get; init; }
    /// <summary>送达: when the notice reached the applicant (mail accepted, or opened in the product), first of them.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? ResubmittedAt { get; set; }
}

internal sealed class ApplicationConfiguration :
    IEntityTypeConfiguration<Application>, IEntityTypeConfiguration<ApplicationVersion>,
    IEntityTypeConfiguration<ApplicationMaterial>, IEntityTypeConfiguration<ApplicationReturn>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ToTable("applications");
        b.Property(x => x.JurisdictionCode).HasMaxLength(12);
        b.Property(x => x.ReceiptNumber).HasMaxLength(30);
        b.Property(x => x.WithdrawalReason).HasMaxLength(500);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => new { x.CallId, x.CarrierId }).IsUnique();
        b.HasIndex(x => x.ReceiptNumber).IsUnique();
        b.HasIndex(x => x.OrganizationId);
        b.HasIndex(x => new { x.CallId, x.Status });
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Carrier>().WithMany().HasForeignKey(x => x.CarrierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ApplicationVersion> b)
    {
        b.ToTable("application_versions");
        b.Property(x => x.DetailsJson).HasColumnType("jsonb");
        b.Property(x => x.HandEnteredJson).HasColumnType("jsonb");
        b.Property(x => x.NarrativesJson).HasColumnType("jsonb");
        b.Property(x => x.WarningsJson).HasColumnType("jsonb");
        // Hashed texts are kept byte for byte (jsonb would reorder them).
        b.Property(x => x.LockedJson).HasColumnType("text").UseCompressionMethod("lz4");
        b.Property(x => x.SnapshotJson).HasColumnType("text").UseCompressionMethod("lz4");
        b.Property(x => x.LockedHash).HasMaxLength(64);
        b.Property(x => x.PackageHash).HasMaxLength(64);
        b.Property(x => x.DeclarationAcceptedByName).HasMaxLength(100);
        b.Property(x => x.SubmittedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => new { x.ApplicationId, x.Number }).IsUnique();
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ApplicationMaterial> b)
    {
        b.ToTable("application_materials");
        b.Property(x => x.FileName).HasMaxLength(Infrastructure.Files.FileNames.MaxLength);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => new { x.VersionId, x.SlotId });
        b.HasOne<ApplicationVersion>().WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CallMaterialSlot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Infrastructure.Files.StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ApplicationReturn> b)
    {
        b.ToTable("application_returns");
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.ReturnedByName).HasMaxLength(100);
        b.Property(x => x.ItemsJson).HasColumnType("jsonb");
        b.HasIndex(x => x.ApplicationId);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
