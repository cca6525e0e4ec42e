using Exemplar.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Registry;

/// <summary>
/// One row counting changes to what the registry shows. Database triggers on designations, their changes,
/// certificates and carriers bump it and <c>NOTIFY registry_changed</c> in the same transaction, so every instance
/// evicts its cached registry pages and open-data files, and ETag/Last-Modified come from it without a query per row.
/// </summary>
public sealed class RegistryRevision : INotAudited
{
    public const string Channel = "registry_changed";

    public int Id { get; init; }
    public long Revision { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

internal sealed class RegistryRevisionConfiguration : IEntityTypeConfiguration<RegistryRevision>
{
    public void Configure(EntityTypeBuilder<RegistryRevision> b)
    {
        b.ToTable("registry_revisions");
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}
