using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calls;

/// <summary>
/// The demo's published 2026 Kunming call (open 2026-11-16 to 2026-12-18, recommendations to 2027-01-15), so a newcomer can
/// apply at once. Idempotent; only with Exemplar:SeedDemoData.
/// </summary>
internal sealed class CallDemoSeeder(PolicySnapshots snapshots, TimeProvider clock) : IStartupSeeder
{
    public int Order => 300;

    public const string KunmingTitle = "关于组织申报2026年度昆明市小型微型企业创业创新示范基地的通知";

    public async Task SeedAsync(ExemplarDbContext db, IConfiguration configuration, CancellationToken ct)
    {
        if (!configuration.GetValue("Exemplar:SeedDemoData", false)) return;
        if (await db.Set<Call>().AnyAsync(c => c.Title == KunmingTitle, ct)) return;
        var officer = await db.Set<Account.UserAccount>().AsNoTracking().FirstOrDefaultAsync(u => u.UserName == "km.city", ct);
        if (officer is null) return;
        var pinned = await snapshots.PinAsync("kunming-base-2022", ct, db);
        if (pinned is null) return;
        var policy = pinned.Value.Policy;
        db.Actor.Operation = "演示数据.申报批次";
        var now = clock.GetUtcNow();
        db.Add(new Call
        {
            ProgrammeId = policy.Id, PolicyHash = policy.ContentHash, PolicyVersion = policy.Version, PolicyTitle = policy.Title, Year = 2026,
            Title = KunmingTitle, DocumentNumber = "昆工信发〔2026〕88号",
            Body = "各县（市）区、开发（度假）区中小企业主管部门：\n根据《昆明市小型微型企业创业创新示范基地认定管理办法（修订）》（昆工信规〔2022〕1号），现组织开展2026年度市级示范基地申报工作。" +
                "请申报单位对照办法第六条、第七条的条件，于申报截止日期前在本系统在线填报并上传申报材料；各县（市）区、开发（度假）区中小企业主管部门按办法第十条完成初审、满意度抽查并出具推荐意见。",
            OpensOn = new DateOnly(2026, 11, 16), ApplicationDeadline = new DateOnly(2026, 12, 18), RecommendationDeadline = new DateOnly(2027, 1, 15),
            ReferenceDate = new DateOnly(2026, 12, 18), Contact = "昆明市工业和信息化局中小企业处 0871-63100000", ReceiptPrefix = "KM",
            Status = CallStatus.Published, JurisdictionCode = officer.JurisdictionCode!, CreatedBy = officer.Id, CreatedAt = now, PublishedAt = now,
            Slots = CallDefaults.Slots(policy),
        });
        await db.SaveChangesAsync(ct);
    }
}
