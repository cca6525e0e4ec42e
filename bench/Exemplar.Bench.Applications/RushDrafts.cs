using System.Collections.Concurrent;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Bench.Applications;

/// <summary>A draft ready to submit; <see cref="LastSlot"/> is the material still to upload (HTTP mode), else empty.</summary>
public sealed record Draft(Guid Id, Guid Organization, Guid User, string UserName, Guid LastSlot);

/// <summary>
/// Carriers in 五华区 with a realistic ledger (40 residents with yearly figures, 150 service entries), each with a draft
/// of the demo Kunming call made by the product's own handlers (details, report locked, materials inspected and stored,
/// declaration accepted). With <c>ownAccounts</c> every carrier belongs to an applicant organisation and user of its
/// own, created the way the demo seeder creates its directory (confirmed, password <see cref="Password"/>).
/// </summary>
public static class RushDrafts
{
    public const string Password = "Bench@2026rush";
    public static string UserName(int i) => $"bench.applicant{i + 1:D4}";

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public static async Task<List<Draft>> PrepareAsync(WebApplication app, int count, bool ownAccounts, bool leaveLastMaterial)
    {
        Guid callId, templateOrg, templateUser;
        var carriers = new List<(Guid Carrier, Guid Org, Guid User, string UserName)>();
        using (var scope = app.Services.CreateScope())
        {
            var ctx = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
            ctx.Actor.Operation = "基准测试.准备";
            callId = await ctx.Set<Call>().Where(c => c.Title == CallDemoSeeder.KunmingTitle).Select(c => c.Id).SingleAsync();
            var template = await ctx.Set<Carrier>().SingleAsync(c => c.Name == "昆明五华创新创业园");
            templateOrg = template.OrganizationId;
            var templateAccount = await ctx.Set<UserAccount>().Where(u => u.OrganizationId == templateOrg).OrderBy(u => u.UserName).FirstAsync();
            templateUser = templateAccount.Id;
            // One hash for every generated account (same password; hashing 1,000 times would only cost minutes).
            var hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>().HashPassword(templateAccount, Password);
            var now = DateTimeOffset.UtcNow;
            var random = new Random(20261130);
            for (var i = 0; i < count; i++)
            {
                Guid org = templateOrg, user = templateUser;
                var userName = templateAccount.UserName;
                if (ownAccounts)
                {
                    var organization = new Organization
                    {
                        Name = $"五华基准创业园{i + 1:D4}运营管理有限公司", Kind = OrganizationKind.Applicant, JurisdictionCode = "530102",
                        Uscc = LedgerDemoSeeder.Uscc("530102", 500_000 + i), CreatedAt = now, Status = OrganizationStatus.Confirmed, DecidedAt = now, DecidedBy = "基准测试",
                    };
                    userName = UserName(i);
                    var account = new UserAccount
                    {
                        UserName = userName, DisplayName = $"基准申报人{i + 1:D4}", Role = Role.Applicant, JurisdictionCode = "530102",
                        OrganizationId = organization.Id, CreatedAt = now, PasswordChangedAt = now, PasswordHash = hash,
                    };
                    ctx.AddRange(organization, account);
                    (org, user) = (organization.Id, account.Id);
                }
                var carrier = new Carrier
                {
                    OrganizationId = org, Name = $"五华基准创业园{i + 1:D4}", JurisdictionCode = "530102", Kind = template.Kind, LeadingIndustries = ["软件", "检验检测"],
                    PrimaryType = template.PrimaryType, Area = 12000, PublicServiceArea = 1500, EstablishedOn = new DateOnly(2019, 5, 1), CreatedAt = now,
                    CarrierType = template.CarrierType, OperatorSince = template.OperatorSince, OperatorFoundedOn = template.OperatorFoundedOn,
                };
                ctx.Add(carrier);
                carriers.Add((carrier.Id, org, user, userName));
                var residents = Enumerable.Range(0, 40).Select(r => new ResidentEnterprise
                {
                    CarrierId = carrier.Id, Name = $"基准{i + 1:D4}号园入驻企业{r + 1:D2}有限公司", Uscc = LedgerDemoSeeder.Uscc("530102", 100_000 + i * 100 + r),
                    EntryDate = new DateOnly(2022, 1 + r % 12, 1), Industry = r % 3 == 0 ? "检验检测" : "软件", InLeadingIndustry = true,
                    SizeClass = r % 5 == 0 ? SizeClass.Small : SizeClass.Micro,
                    Years = [new ResidentYearFigure { Year = 2025, Employees = 5 + r % 40, RevenueWan = 50 + r * 7 }],
                }).ToList();
                ctx.AddRange(residents);
                for (var e = 0; e < 150; e++)
                {
                    ctx.Add(new LedgerEntry
                    {
                        CarrierId = carrier.Id, Function = (ServiceFunction)(1 + e % 8), Date = new DateOnly(2025, 1 + e % 12, 1 + e % 27), Place = "基地路演厅",
                        Form = ServiceForm.OneToOne, ResidentIds = [residents[random.Next(residents.Count)].Id], PersonCount = 2, Fee = FeeClass.Free, Feedback = "满意",
                    });
                }
                if (i % 20 == 19) { await ctx.SaveChangesAsync(); ctx.ChangeTracker.Clear(); }
            }
            await ctx.SaveChangesAsync();
        }

        List<CallMaterialSlot> required;
        using (var scope = app.Services.CreateScope())
            required = await scope.ServiceProvider.GetRequiredService<ExemplarDbContext>().Set<CallMaterialSlot>().AsNoTracking()
                .Where(s => s.CallId == callId && s.Required).OrderBy(s => s.Order).ToListAsync();
        var slots = required.Select(s => s.Id).ToList();
        // The last material an applicant uploads herself (not the generated report, not the declaration).
        var lastSlot = leaveLastMaterial ? required.Last(s => !s.Generated && !s.IsDeclaration).Id : Guid.Empty;
        var drafts = new ConcurrentBag<Draft>();
        var queue = new ConcurrentQueue<(Guid Carrier, Guid Org, Guid User, string UserName)>(carriers);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var c))
            {
                var (carrier, orgId, userId) = (c.Carrier, c.Org, c.User);
                var id = await Must(app, s => s.GetRequiredService<StartApplicationHandler>().HandleAsync(new StartApplicationCommand(callId, carrier, orgId, userId), default));
                await Must(app, async s => await s.GetRequiredService<SaveDetailsHandler>().HandleAsync(new SaveDetailsCommand(id, orgId, await TokenAsync(s, id), Details), default));
                await Must(app, async s => await s.GetRequiredService<LockReportHandler>().HandleAsync(new LockReportCommand(id, orgId, await TokenAsync(s, id), true), default));
                foreach (var slot in slots.Where(s => s != lastSlot))
                    await Must(app, s => s.GetRequiredService<UploadMaterialHandler>().HandleAsync(new UploadMaterialCommand(id, orgId, userId, slot, "材料.pdf", Pdf), default));
                await Must(app, async s => await s.GetRequiredService<AcceptDeclarationHandler>().HandleAsync(new AcceptDeclarationCommand(id, orgId, userId, "基准测试", await TokenAsync(s, id), true), default));
                drafts.Add(new Draft(id, orgId, userId, c.UserName, lastSlot));
            }
        })));
        return [.. drafts];
    }

    private static readonly ApplicantDetails Details = new()
    {
        UnitNature = "有限责任公司", LegalRepresentative = "李明", RegisteredOn = new DateOnly(2018, 3, 1), RegisteredAddress = "昆明市五华区学府路1号",
        ContactName = "李明", ContactMobile = "13900000001", ContactEmail = "liming@example.cn", PreviousYearRevenueWan = 1250.5m, FeesWaivedWan = 86m,
    };

    private static async Task<uint> TokenAsync(IServiceProvider s, Guid id)
    {
        var ctx = s.GetRequiredService<ExemplarDbContext>();
        var a = await ctx.Set<Application>().AsNoTracking().SingleAsync(x => x.Id == id);
        return await ctx.Set<ApplicationVersion>().Where(v => v.ApplicationId == id && v.Number == a.CurrentVersion).Select(v => v.Version).SingleAsync();
    }

    private static async Task<Guid> Must(WebApplication app, Func<IServiceProvider, Task<SaveResult>> act)
    {
        using var scope = app.Services.CreateScope();
        var r = await act(scope.ServiceProvider);
        if (!r.Ok) throw new InvalidOperationException(string.Join(" ", r.Errors.SelectMany(e => e.Value)));
        return r.Id ?? Guid.Empty;
    }
}
