using Exemplar.Web.Features.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("organizations");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Uscc).HasMaxLength(18);
        b.Property(x => x.JurisdictionCode).HasMaxLength(12);
        b.Property(x => x.Address).HasMaxLength(300);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.ContactPhone).HasMaxLength(30);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasIndex(x => x.Uscc).IsUnique();
        b.HasIndex(x => x.JurisdictionCode);
        b.HasOne<Jurisdiction>().WithMany().HasForeignKey(x => x.JurisdictionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
