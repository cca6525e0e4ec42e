using Exemplar.Web.Features.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Reviews.Experts;

/// <summary>
/// 评审专家 in the pool of a region: specialties, employer (name and 统一社会信用代码 — what conflicts are computed from),
/// region, contact, active or not, and optionally the expert account he signs in with.
/// </summary>
public sealed class Expert : IHasJurisdiction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public List<string> Specialties { get; set; } = [];
    public required string EmployerName { get; set; }
    public required string EmployerUscc { get; set; }
    /// <summary>Where the expert sits (division code); the pool of a designating authority is its subtree.</summary>
    public required string RegionCode { get; set; }
    public required string Mobile { get; set; }
    public string? Email { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid? UserId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public uint Version { get; set; }

    string? IHasJurisdiction.JurisdictionCode => RegionCode;
}

/// <summary>The specialties an expert may have: the eight service functions, then the other fields a panel needs.</summary>
public static class ExpertSpecialties
{
    public static readonly IReadOnlyList<string> All =
    [
        "信息服务", "创业辅导", "创新支持", "人员培训", "市场营销", "投融资服务", "管理咨询", "专业服务",
        "产业经济", "财务会计", "法律", "企业管理", "科技创新", "园区运营",
    ];
}

public static class ExpertLimits
{
    public const int Name = 50;
    public const int Employer = 100;
    public const int Email = 100;
}

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> b)
    {
        b.ToTable("experts");
        b.Property(x => x.Name).HasMaxLength(ExpertLimits.Name);
        b.Property(x => x.EmployerName).HasMaxLength(ExpertLimits.Employer);
        b.Property(x => x.EmployerUscc).HasMaxLength(18);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Mobile).HasMaxLength(11);
        b.Property(x => x.Email).HasMaxLength(ExpertLimits.Email);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => x.RegionCode);
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasIndex(x => new { x.Name, x.Mobile }).IsUnique();
        b.HasOne<Account.UserAccount>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
