using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplar.Web.Features.Calendar;

internal sealed class HolidayNoticeRecordConfiguration : IEntityTypeConfiguration<HolidayNoticeRecord>
{
    public void Configure(EntityTypeBuilder<HolidayNoticeRecord> b)
    {
        b.ToTable("holiday_notices");
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Number).HasMaxLength(100);
        b.Property(x => x.NoticeJson).HasColumnType("jsonb");
        b.Property(x => x.EnteredBy).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
    }
}

internal sealed class CalendarSettingsConfiguration : IEntityTypeConfiguration<CalendarSettings>
{
    public void Configure(EntityTypeBuilder<CalendarSettings> b)
    {
        b.ToTable("calendar_settings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.UpdatedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
    }
}
