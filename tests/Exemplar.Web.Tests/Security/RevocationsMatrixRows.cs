using Exemplar.Web.Features.ChangeFilings;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Revocations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

/// <summary>
/// Issue 14: change filings and revocations. Lists for every signed-in role but experts (each sees its own scope); the
/// filing form for the base of its own designation; a filing or a case for its base, the local officers of its place
/// and the designating authority of its programme (404 for anyone else's, before antiforgery); starting a revocation for
/// designating officers only.
/// </summary>
public sealed class RevocationsMatrixRows : IMatrixRows
{
    public IEnumerable<MatrixRow> Rows =>
    [
        Lists("GET", "/ChangeFilings"), Lists("POST", "/ChangeFilings"),
        Lists("GET", "/Revocations"), Lists("POST", "/Revocations"),
        new("GET", "/ChangeFilings/New", Deny, Own, Deny, Deny, Deny, Deny, Deny, Deny, (s, _) => NewAsync(s)),
        new("POST", "/ChangeFilings/New", Deny, Own, Deny, Deny, Deny, Deny, Deny, Deny, (s, _) => NewAsync(s)),
        Case("GET", "/ChangeFilings/{id:guid}/{handler?}", "/ChangeFilings/"), Case("POST", "/ChangeFilings/{id:guid}/{handler?}", "/ChangeFilings/"),
        Case("GET", "/Revocations/{id:guid}/{handler?}", "/Revocations/"), Case("POST", "/Revocations/{id:guid}/{handler?}", "/Revocations/"),
        // 下载撤销决定书（Word）: authorised like the case (an undecided sample sends the reader back to the case page).
        Case("GET", "/Revocations/{id:guid}/{handler?}", "/Revocations/") with { Sample = async (s, u) => { var (own, other) = await CaseAsync(s, u, "/Revocations/"); return (own + "/Word", other + "/Word"); } },
        new("GET", "/Revocations/Start", Deny, Deny, Deny, Deny, Deny, Allow, Deny, Deny),
        new("POST", "/Revocations/Start", Deny, Deny, Deny, Deny, Deny, Allow, Deny, Deny),
    ];

    private static MatrixRow Lists(string method, string route) => new(method, route, Deny, Allow, Allow, Allow, Allow, Allow, Deny, Allow);

    private static MatrixRow Case(string method, string route, string prefix) =>
        new(method, route, Deny, Own, Own, Own, Own, Own, Deny, Allow, (s, u) => CaseAsync(s, u, prefix));

    private static async Task<(string, string)> NewAsync(IServiceProvider services)
    {
        var ids = await SamplesAsync(services);
        return ($"/ChangeFilings/New?designation={ids["五华科技创业示范园"].Designation}", $"/ChangeFilings/New?designation={ids["东昌府区创业创新示范园"].Designation}");
    }

    private static async Task<(string, string)> CaseAsync(IServiceProvider services, string userName, string prefix)
    {
        var ids = await SamplesAsync(services);
        var (own, other) = userName switch
        {
            "km.gaoxin" => ("五华创新创业园高新分园", "五华科技创业示范园"),
            "xz.lasa" => ("城关区创业创新示范园", "五华科技创业示范园"),
            _ => ("五华科技创业示范园", "东昌府区创业创新示范园"),
        };
        Guid Pick(string name) => prefix == "/Revocations/" ? ids[name].Revocation : ids[name].Filing;
        return ($"{prefix}{Pick(own)}", $"{prefix}{Pick(other)}");
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>A designation, a change filing and an open revocation per sample base (the gaoxin one designated here), made once.</summary>
    public static async Task<IReadOnlyDictionary<string, (Guid Designation, Guid Filing, Guid Revocation)>> SamplesAsync(IServiceProvider services)
    {
        await Gate.WaitAsync();
        try
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
            var result = new Dictionary<string, (Guid, Guid, Guid)>();
            foreach (var (name, programme) in new[] { ("五华科技创业示范园", "kunming-base-2022"), ("东昌府区创业创新示范园", "liaocheng-base-2021"),
                         ("城关区创业创新示范园", "xizang-base-2017"), ("五华创新创业园高新分园", "kunming-base-2022") })
            {
                var carrier = await db.Set<Carrier>().SingleAsync(c => c.Name == name);
                var d = await db.Set<Designation>().FirstOrDefaultAsync(x => x.CarrierId == carrier.Id && x.ProgrammeId == programme);
                if (d is null)
                {
                    d = new Designation
                    {
                        CarrierId = carrier.Id, ProgrammeId = programme, PolicyVersion = "2022", AnnouncementNumber = "昆工信〔2025〕9号",
                        AnnouncedOn = new DateOnly(2025, 1, 10), ValidFrom = new DateOnly(2025, 1, 10), ValidUntil = new DateOnly(2028, 1, 10),
                    };
                    db.Add(d);
                }
                var filing = await db.Set<ChangeFiling>().FirstOrDefaultAsync(f => f.DesignationId == d.Id && f.Description == "矩阵样本");
                if (filing is null)
                {
                    filing = new ChangeFiling
                    {
                        DesignationId = d.Id, CarrierId = carrier.Id, ProgrammeId = programme, ChangeKind = "名称", Description = "矩阵样本",
                        EventOn = new DateOnly(2026, 11, 2), EventWording = "变更完成", WorkingDays = 10, DueOn = new DateOnly(2026, 11, 16),
                        FiledOn = new DateOnly(2026, 11, 20), FiledByName = "样本", DaysLate = 4, Stage = ChangeFilingStage.WithAuthority,
                    };
                    db.Add(filing);
                }
                var revocation = await db.Set<Revocation>().FirstOrDefaultAsync(r => r.DesignationId == d.Id && r.Facts == "矩阵样本");
                if (revocation is null)
                {
                    revocation = new Revocation
                    {
                        DesignationId = d.Id, CarrierId = carrier.Id, ProgrammeId = programme, GroundsJson = "[]", Citation = "样本", Facts = "矩阵样本",
                        StatementDays = 7, StartedAt = DateTimeOffset.UtcNow, StartedByName = "样本", NoticeId = Guid.NewGuid(), Stage = RevocationStage.AwaitingStatement,
                    };
                    db.Add(revocation);
                }
                db.Actor.Operation = "测试.矩阵样本";
                await db.SaveChangesAsync();
                result[name] = (d.Id, filing.Id, revocation.Id);
            }
            return result;
        }
        finally
        {
            Gate.Release();
        }
    }
}
