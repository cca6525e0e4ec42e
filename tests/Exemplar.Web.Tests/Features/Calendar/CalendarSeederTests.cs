using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Calendar;

public sealed class CalendarSeederTests(CalendarFactory app) : IClassFixture<CalendarFactory>
{
    [Fact]
    public async Task The_shipped_notices_for_2017_to_2026_are_in_the_database()
    {
        using var _ = app.CreateClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var rows = await db.Set<HolidayNoticeRecord>().AsNoTracking().OrderBy(r => r.Year).ToListAsync();
        Assert.Equal(Enumerable.Range(2017, 10), rows.Select(r => r.Year));
        Assert.All(rows.Where(r => r.Year != 2018), r => Assert.True(r.IsBuiltIn)); // 2018 is edited by the other test
        Assert.Equal("国务院办公厅关于2025年部分节假日安排的通知", rows.Single(r => r.Year == 2025).Title);
        Assert.Equal("国办发明电〔2024〕12号", rows.Single(r => r.Year == 2025).Number);
        // 2025: 元旦 1 + 春节 8 + 清明 3 + 劳动节 5 + 端午 3 + 国庆中秋 8 days off.
        Assert.Equal(28, rows.Single(r => r.Year == 2025).ToNotice().OffDays().Count());
        Assert.True(await db.Set<Exemplar.Web.Infrastructure.Auditing.AuditEntry>()
            .AnyAsync(a => a.Operation == "节假日安排.初始化" && a.EntityType == nameof(HolidayNoticeRecord) && a.EntityId == "2017"));
    }

    [Fact]
    public async Task Seeding_again_never_overwrites_an_administrators_edit()
    {
        using var _ = app.CreateClient();
        using var scope = app.Services.CreateScope();
        var db = DatabaseSetup.ActAsSystem(scope.ServiceProvider);
        var row = await db.Set<HolidayNoticeRecord>().SingleAsync(r => r.Year == 2018);
        row.Title = "管理员修改的标题";
        row.IsBuiltIn = false;
        await db.SaveChangesAsync();

        var seeder = scope.ServiceProvider.GetServices<IStartupSeeder>().Single(s => s is CalendarSeeder);
        await seeder.SeedAsync(db, scope.ServiceProvider.GetRequiredService<IConfiguration>(), CancellationToken.None);

        db.ChangeTracker.Clear();
        Assert.Equal("管理员修改的标题", (await db.Set<HolidayNoticeRecord>().SingleAsync(r => r.Year == 2018)).Title);
        Assert.Equal(10, await db.Set<HolidayNoticeRecord>().CountAsync());
    }
}
