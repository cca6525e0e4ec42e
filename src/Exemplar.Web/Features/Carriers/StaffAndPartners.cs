using Exemplar.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Carriers;

/// <summary>管理和专职服务人员（含创业导师）.</summary>
public sealed class ServiceStaff
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CarrierId { get; set; }
    public required string Name { get; set; }
    public string Position { get; set; } = "";
    public bool FullTime { get; set; }
    public Education Education { get; set; }
    public TitleLevel Title { get; set; }
    /// <summary>创业导师资格证名称; null when the person holds none.</summary>
    public string? MentorCertificate { get; set; }
    public decimal YearsAtBase { get; set; }
    public uint Version { get; set; }
}

/// <summary>签约合作服务机构.</summary>
public sealed class PartnerAgency
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CarrierId { get; set; }
    public required string Name { get; set; }
    public DateOnly AgreementFrom { get; set; }
    public DateOnly? AgreementTo { get; set; }
    public string Services { get; set; } = "";
    public uint Version { get; set; }
}

internal sealed class ServiceStaffConfiguration : IEntityTypeConfiguration<ServiceStaff>
{
    public void Configure(EntityTypeBuilder<ServiceStaff> b)
    {
        b.ToTable("service_staff");
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Position).HasMaxLength(100);
        b.Property(x => x.MentorCertificate).HasMaxLength(200);
        b.Property(x => x.YearsAtBase).HasPrecision(5, 1);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => x.CarrierId);
        b.HasOne<Carrier>().WithMany().HasForeignKey(x => x.CarrierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnerAgencyConfiguration : IEntityTypeConfiguration<PartnerAgency>
{
    public void Configure(EntityTypeBuilder<PartnerAgency> b)
    {
        b.ToTable("partner_agencies");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Services).HasMaxLength(1000);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => x.CarrierId);
        b.HasOne<Carrier>().WithMany().HasForeignKey(x => x.CarrierId).OnDelete(DeleteBehavior.Cascade);
    }
}
