using Exemplar.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Carriers;

/// <summary>入驻企业.</summary>
public sealed class ResidentEnterprise
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CarrierId { get; set; }
    public required string Name { get; set; }
    public required string Uscc { get; set; }
    public DateOnly EntryDate { get; set; }
    public DateOnly? ExitDate { get; set; }
    public string Industry { get; set; } = "";
    public bool InLeadingIndustry { get; set; }
    public SizeClass SizeClass { get; set; }
    [Infrastructure.Security.PersonalData]
    public string? ContactName { get; set; }
    [Infrastructure.Security.PersonalData]
    public string? ContactPhone { get; set; }
    public List<ResidentYearFigure> Years { get; set; } = [];
    public uint Version { get; set; }
}

/// <summary>One year's figures of a resident enterprise: employees, revenue (万元) and innovation outcomes.</summary>
public sealed class ResidentYearFigure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EnterpriseId { get; set; }
    public int Year { get; set; }
    public int Employees { get; set; }
    public decimal RevenueWan { get; set; }
    public int PatentsApplied { get; set; }
    public int PatentsHeld { get; set; }
    public int HighTechRecognitions { get; set; }
    public int TechSmeRecognitions { get; set; }
    public int OtherOutcomes { get; set; }

    /// <summary>可统计创新成果: patents applied and held, recognitions and other outcomes (昆明办法第六条第（九）项).</summary>
    public int InnovationOutcomes => PatentsApplied + PatentsHeld + HighTechRecognitions + TechSmeRecognitions + OtherOutcomes;
}

internal sealed class ResidentEnterpriseConfiguration : IEntityTypeConfiguration<ResidentEnterprise>
{
    public void Configure(EntityTypeBuilder<ResidentEnterprise> b)
    {
        b.ToTable("resident_enterprises");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Uscc).HasMaxLength(18);
        b.Property(x => x.Industry).HasMaxLength(100);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.ContactPhone).HasMaxLength(30);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => new { x.CarrierId, x.Uscc }).IsUnique();
        b.HasOne<Carrier>().WithMany().HasForeignKey(x => x.CarrierId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Years).WithOne().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResidentYearFigureConfiguration : IEntityTypeConfiguration<ResidentYearFigure>
{
    public void Configure(EntityTypeBuilder<ResidentYearFigure> b)
    {
        b.ToTable("resident_year_figures");
        b.Property(x => x.RevenueWan).HasPrecision(14, 2);
        b.Ignore(x => x.InnovationOutcomes);
        b.HasIndex(x => new { x.EnterpriseId, x.Year }).IsUnique();
    }
}
