using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Designations;

/// <summary>
/// A later change of a designated base (名称、运营单位、场地 …) completed on a day: the registry's history shows it, and
/// the change filing obligation (昆明第十九条 10 个工作日, 北京第十七条 30 个工作日) runs from it.
/// </summary>
public sealed class DesignationChange
{
    public const int DescriptionMax = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DesignationId { get; init; }
    public DateOnly CompletedOn { get; set; }
    public required string Description { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class DesignationChangeConfiguration : IEntityTypeConfiguration<DesignationChange>
{
    public void Configure(EntityTypeBuilder<DesignationChange> b)
    {
        b.ToTable("designation_changes");
        b.Property(x => x.Description).HasMaxLength(DesignationChange.DescriptionMax);
        b.HasIndex(x => x.DesignationId);
        b.HasOne<Designation>().WithMany().HasForeignKey(x => x.DesignationId).OnDelete(DeleteBehavior.Cascade);
    }
}
