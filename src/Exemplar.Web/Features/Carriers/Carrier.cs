using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Carriers;

/// <summary>A base (示范基地) or platform (服务平台) operated by an applicant organisation.</summary>
public sealed class Carrier : IHasJurisdiction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public CarrierKind Kind { get; set; }
    public required string JurisdictionCode { get; set; }
    /// <summary>主导产业, at most three (昆明办法第六条第（四）项).</summary>
    public List<string> LeadingIndustries { get; set; } = [];
    public CarrierPrimaryType PrimaryType { get; set; }
    public decimal Area { get; set; }
    public decimal PublicServiceArea { get; set; }
    /// <summary>基地成立日期: the base's own founding (西藏、昆明 基地成立时间).</summary>
    public DateOnly EstablishedOn { get; set; }
    /// <summary>载体类型 as the texts' 第三条 name them (id of <see cref="Exemplar.Domain.Policies.CarrierTypes"/>).</summary>
    public string? CarrierType { get; set; }
    /// <summary>The day the current operator began operating this carrier (聊城 运营管理本基地时间; 西藏平台 运营).</summary>
    public DateOnly? OperatorSince { get; set; }
    /// <summary>The operating unit's founding date from its licence (北京 成立时间: the legal entity's).</summary>
    public DateOnly? OperatorFoundedOn { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public uint Version { get; set; }

    string? IHasJurisdiction.JurisdictionCode => JurisdictionCode;

    /// <summary>The policy files' kind (base or platform) of a carrier kind.</summary>
    public static Exemplar.Domain.Policies.CarrierKind PolicyKindOf(CarrierKind kind) =>
        kind == CarrierKind.Platform ? Exemplar.Domain.Policies.CarrierKind.Platform : Exemplar.Domain.Policies.CarrierKind.Base;
}

internal sealed class CarrierConfiguration : IEntityTypeConfiguration<Carrier>
{
    public void Configure(EntityTypeBuilder<Carrier> b)
    {
        b.ToTable("carriers");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.JurisdictionCode).HasMaxLength(12);
        b.Property(x => x.CarrierType).HasMaxLength(40);
        b.Property(x => x.Area).HasPrecision(14, 2);
        b.Property(x => x.PublicServiceArea).HasPrecision(14, 2);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => x.OrganizationId);
        b.HasIndex(x => x.JurisdictionCode);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Jurisdiction>().WithMany().HasForeignKey(x => x.JurisdictionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
