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
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.Property(x => x.DecisionNote).HasMaxLength(500);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        // A code belongs to one live registration; a rejected or revoked one no longer blocks the real organisation.
        b.HasIndex(x => x.Uscc).IsUnique().HasFilter("status IN (1, 2)");
        b.HasIndex(x => x.JurisdictionCode);
        b.HasIndex(x => x.Status);
        b.HasOne<Jurisdiction>().WithMany().HasForeignKey(x => x.JurisdictionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
