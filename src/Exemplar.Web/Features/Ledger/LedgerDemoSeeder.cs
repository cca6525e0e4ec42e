using Exemplar.Domain.Ledger;
using Exemplar.Domain.Organizations;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Exemplar.Web.Features.Carriers;

namespace Exemplar.Web.Features.Ledger;

/// <summary>
/// Demo carriers with residents, staff, partners and a year (2025) of ledger entries. Deterministic
/// (fixed seeds) and idempotent (a carrier that exists by name is left alone). Only with Exemplar:SeedDemoData.
/// </summary>
internal sealed class LedgerDemoSeeder(TimeProvider clock) : IStartupSeeder
{
    public int Order => 200;

    public sealed record DemoCarrier(string OrgKey, string Name, string Jurisdiction, int Residents, int Entries, int Seed, string[] Industries,
        string CarrierType = "incubator");

    public static readonly DemoCarrier[] Carriers =
    [
        new("km-base", "昆明五华创新创业园", "530102", 45, 240, 2025, ["软件及信息技术服务", "电子商务", "研发设计"], "incubator"),
        new("km-base", "五华创新创业园高新分园", "530100Z02", 3, 4, 11, ["检验检测认证"], "parkWithinPark"),
        new("km-base2", "盘龙众创空间", "530103", 3, 4, 12, ["电子商务"], "makerSpace"),
        new("lc-base", "聊城东昌创业孵化园", "371502", 20, 90, 13, ["新材料", "电子信息"], "incubator"),
        new("xz-base", "拉萨城关创业园", "540102", 3, 4, 14, ["绿色食品"], "startupPark"),
    ];

    private static readonly string[] Words = ["云岭", "滇池", "春城", "金马", "碧鸡", "翠湖", "五华", "盘龙", "西山", "长虹", "博远", "启明", "智汇", "新程", "锦绣"];
    private static readonly string[] Trades = ["软件", "信息科技", "电子商务", "设计", "检测", "生物科技", "文化传媒", "数据服务", "新材料", "食品"];
    private static readonly string[] Places = ["基地一楼路演厅", "基地三楼会议室", "线上（腾讯会议）", "企业现场", "基地服务大厅"];
    private static readonly string[] Staff = ["李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"];

    public async Task SeedAsync(ExemplarDbContext db, IConfiguration configuration, CancellationToken ct)
    {
        if (!configuration.GetValue("Exemplar:SeedDemoData", false)) return;
        db.Actor.Operation = "演示数据.台账初始化";
        var orgs = await db.Set<Organization>().ToDictionaryAsync(o => o.Name, ct);
        var existing = await db.Set<Carrier>().Select(c => c.Name).ToHashSetAsync(ct);
        foreach (var d in Carriers.Where(c => !existing.Contains(c.Name)))
        {
            var orgName = DemoDirectory.Organizations.Single(o => o.Key == d.OrgKey).Name;
            if (!orgs.TryGetValue(orgName, out var org)) continue;
            Build(db, d, org.Id, clock.GetUtcNow());
        }
        await db.SaveChangesAsync(ct);
    }

    public static string Uscc(string division, int n)
    {
        var body = "MA" + ((n * 7919L + 104729L) % 1_000_000L).ToString("D6") + "X";
        var first17 = "91" + division + body;
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    private static void Build(ExemplarDbContext db, DemoCarrier d, Guid orgId, DateTimeOffset now)
    {
        var rng = new Random(d.Seed);
        var carrier = new Carrier
        {
            OrganizationId = orgId, Name = d.Name, JurisdictionCode = d.Jurisdiction, Kind = CarrierKind.Base, LeadingIndustries = [.. d.Industries],
            PrimaryType = CarrierPrimaryType.ProducerServices, Area = 12000 + rng.Next(0, 8000), PublicServiceArea = 2400, EstablishedOn = new DateOnly(2018, 6, 1), CreatedAt = now,
            // The operating company was founded before the base opened and has run it since it opened.
            CarrierType = d.CarrierType, OperatorSince = new DateOnly(2018, 6, 1), OperatorFoundedOn = new DateOnly(2016, 3, 15),
        };
        db.Add(carrier);
        var division = d.Jurisdiction[..6].Replace("Z", "0");
        var residents = new List<ResidentEnterprise>();
        for (var i = 0; i < d.Residents; i++)
        {
            var entry = new DateOnly(2019 + rng.Next(0, 6), 1 + rng.Next(0, 12), 1 + rng.Next(0, 28));
            var e = new ResidentEnterprise
            {
                CarrierId = carrier.Id, Name = $"{d.Name[..2]}{Words[i % Words.Length]}{Trades[(i * 3 + d.Seed) % Trades.Length]}有限公司{(i >= Words.Length ? (i / Words.Length + 1).ToString() : "")}",
                Uscc = Uscc(division, d.Seed * 1000 + i), EntryDate = entry, ExitDate = i % 15 == 14 ? new DateOnly(2025, 9, 30) : null,
                Industry = d.Industries[i % d.Industries.Length], InLeadingIndustry = i % 10 != 9, SizeClass = i % 12 == 11 ? SizeClass.Other : (i % 3 == 0 ? SizeClass.Small : SizeClass.Micro),
                ContactName = Staff[i % Staff.Length] + "经理", ContactPhone = $"1390871{i:D4}",
            };
            foreach (var y in new[] { 2024, 2025 })
                if (entry.Year <= y)
                    e.Years.Add(new ResidentYearFigure
                    {
                        EnterpriseId = e.Id, Year = y, Employees = 5 + rng.Next(0, 20) + (y - 2024) * 2, RevenueWan = 80 + rng.Next(0, 900),
                        PatentsApplied = rng.Next(0, 3), PatentsHeld = rng.Next(0, 4), HighTechRecognitions = rng.Next(0, 10) == 0 ? 1 : 0, TechSmeRecognitions = rng.Next(0, 4) == 0 ? 1 : 0,
                    });
            residents.Add(e);
            db.Add(e);
        }
        var staffCount = Math.Max(2, d.Residents / 4);
        for (var i = 0; i < staffCount; i++)
            db.Add(new ServiceStaff
            {
                CarrierId = carrier.Id, Name = Staff[i % Staff.Length] + "老师" + (i + 1), Position = i == 0 ? "运营总监" : "服务专员", FullTime = i % 6 != 5,
                Education = i % 5 == 4 ? Education.JuniorCollege : Education.Bachelor, Title = i % 3 == 0 ? TitleLevel.Intermediate : TitleLevel.None,
                MentorCertificate = i % 3 == 1 ? "创业导师资格证（昆明市人社局）" : null, YearsAtBase = 1 + i % 6,
            });
        var partners = new List<PartnerAgency>();
        string[] partnerNames = ["云南金诚会计师事务所", "昆明知识产权代理中心", "滇中律师事务所", "春城融资担保有限公司", "云南人才培训学院", "西南检验检测中心"];
        foreach (var (name, i) in partnerNames.Take(d.Residents >= 20 ? 6 : 1).Select((n, i) => (n, i)))
        {
            var p = new PartnerAgency { CarrierId = carrier.Id, Name = name, AgreementFrom = new DateOnly(2023, 1 + i, 1), AgreementTo = new DateOnly(2026, 12, 31), Services = "财税、法律、知识产权、融资等专业服务" };
            partners.Add(p);
            db.Add(p);
        }
        var functions = ServiceFunctions.Base.Take(8).ToArray();
        for (var i = 0; i < d.Entries; i++)
        {
            var date = new DateOnly(2025, 1, 2).AddDays(rng.Next(0, 360));
            var function = functions[i % functions.Length];
            var form = function == ServiceFunction.Training ? ServiceForm.Training : (i % 4 == 0 ? ServiceForm.Event : ServiceForm.OneToOne);
            var present = residents.Where(r => r.EntryDate <= date && (r.ExitDate is null || r.ExitDate >= date)).ToList();
            var take = form == ServiceForm.OneToOne ? 1 : Math.Min(present.Count, 3 + rng.Next(0, 8));
            var chosen = present.OrderBy(_ => rng.Next()).Take(take).ToList();
            db.Add(new LedgerEntry
            {
                CarrierId = carrier.Id, Function = function, Date = date, Place = Places[rng.Next(0, Places.Length)], Form = form,
                Topic = function == ServiceFunction.Marketing && form != ServiceForm.OneToOne ? EventTopic.Exhibition
                    : function == ServiceFunction.Financing && form != ServiceForm.OneToOne ? EventTopic.BankEnterprise : EventTopic.None,
                ResidentIds = chosen.Select(r => r.Id).ToList(), OtherNames = form == ServiceForm.Event && i % 8 == 0 ? ["区外参会企业甲"] : [],
                PersonCount = form == ServiceForm.OneToOne ? 1 + rng.Next(0, 3) : chosen.Count * 2 + rng.Next(5, 40),
                Fee = i % 5 == 4 ? FeeClass.Market : (i % 5 == 3 ? FeeClass.LowFee : FeeClass.Free),
                PartnerAgencyId = partners.Count > 0 && i % 3 == 0 ? partners[i % partners.Count].Id : null,
                RequestText = $"{ServiceFunctions.Label(function)}需求", OutcomeText = $"完成{ServiceFunctions.Label(function)}服务",
                Feedback = i % 10 == 9 ? null : "满意",
            });
        }
    }
}
