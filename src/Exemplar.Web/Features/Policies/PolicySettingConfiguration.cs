using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Policies;

internal sealed class PolicySettingConfiguration : IEntityTypeConfiguration<PolicySetting>
{
    public void Configure(EntityTypeBuilder<PolicySetting> b)
    {
        b.ToTable("policy_settings");
        b.HasKey(x => x.PolicyId);
        b.Property(x => x.PolicyId).HasMaxLength(64);
        b.Property(x => x.SetBy).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
    }
}
