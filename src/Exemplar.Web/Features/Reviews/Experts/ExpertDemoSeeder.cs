using Exemplar.Web.Features.Account;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Reviews.Experts;

/// <summary>
/// The demo expert pools: Kunming's six expert accounts (周敏 works for the 五华 base's operator, so the draw excludes
/// her from its application) and one expert without an account; one expert per other region. Idempotent; only with
/// Exemplar:SeedDemoData.
/// </summary>
internal sealed class ExpertDemoSeeder(TimeProvider clock) : IStartupSeeder
{
    public int Order => 310;

    private static readonly (string Name, string Specialties, string Employer, string Uscc, string Region, string Mobile, string? Account)[] Pool =
    [
        ("杨帆", "创业辅导、管理咨询", "云南大学", "125300004312000534", "530100", "13908710001", "km.expert"),
        ("李娜", "投融资服务、财务会计", "云南财经大学", "125300004312000459", "530100", "13908710002", "km.expert2"),
        ("王强", "创新支持、科技创新", "昆明云科技术咨询有限公司", "91530100MA6K00101Q", "530100", "13908710003", "km.expert3"),
        ("赵丽", "财务会计、专业服务", "云南滇信会计师事务所有限公司", "91530100MA6K00202H", "530100", "13908710004", "km.expert4"),
        ("孙浩", "法律、企业管理", "云南滇池律师事务所", "31530000MD0100303X", "530103", "13908710005", "km.expert5"),
        ("周敏", "园区运营、市场营销", "昆明五华创新创业园运营管理有限公司", "91530102MA6K000111", "530102", "13908710006", "km.expert6"),
        ("钱伟", "信息服务、人员培训", "昆明市信息产业协会", "91530100MA6K004043", "530100", "13908710007", null),
        ("冯雪", "创业辅导、园区运营", "聊城大学", "125300004312000534", "371500", "13906350001", "lc.expert"),
        ("多吉", "创业辅导、企业管理", "西藏大学", "125300004312000459", "540000", "13908910001", "xz.expert"),
        ("罗成", "创新支持、投融资服务", "北京工业大学", "125300004312000534", "110000", "13901010001", "bj.expert"),
    ];

    public async Task SeedAsync(ExemplarDbContext db, IConfiguration configuration, CancellationToken ct)
    {
        if (!configuration.GetValue("Exemplar:SeedDemoData", false)) return;
        if (await db.Set<Expert>().AnyAsync(ct)) return;
        var accounts = await db.Set<UserAccount>().AsNoTracking().Where(u => u.Role == Infrastructure.Security.Role.Expert).ToDictionaryAsync(u => u.UserName, u => u.Id, ct);
        foreach (var x in Pool)
            db.Add(new Expert
            {
                Name = x.Name, Specialties = [.. x.Specialties.Split('、')], EmployerName = x.Employer, EmployerUscc = x.Uscc, RegionCode = x.Region,
                Mobile = x.Mobile, UserId = x.Account is { } a && accounts.TryGetValue(a, out var id) ? id : null, CreatedAt = clock.GetUtcNow(),
            });
        db.Actor.Operation = "演示数据.专家库";
        await db.SaveChangesAsync(ct);
    }
}
