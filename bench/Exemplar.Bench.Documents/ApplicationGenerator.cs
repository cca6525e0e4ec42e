using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Documents.Applications;

namespace Exemplar.Bench.Documents;

/// <summary>A deterministic Kunming application (System.Random seed 20261121): residents, staff, partners, ledger, survey.</summary>
internal static class ApplicationGenerator
{
    private static readonly string[] Industries = ["软件和信息技术服务", "生物医药", "先进装备制造", "电子商务", "绿色食品"];
    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"];

    public static ApplicationDocumentData Create(int residents, int activities, int seed = 20261121)
    {
        var random = new Random(seed);
        Guid Id() { var b = new byte[16]; random.NextBytes(b); return new Guid(b); }
        var resident = Enumerable.Range(1, residents).Select(i =>
        {
            var entry = new DateOnly(2018, 1, 1).AddDays(random.Next(0, 365 * 7));
            var size = random.Next(10) < 8 ? (random.Next(2) == 0 ? SizeClass.Small : SizeClass.Micro) : SizeClass.Other;
            return new ApplicantResident(Id(), $"云岭第{i:D3}号科技有限公司", $"91530102MA6K{i:D6}", entry, null, size, random.Next(10) < 8,
                Industries[random.Next(Industries.Length)],
                [
                    new(2024, random.Next(3, 80), random.Next(50, 5000), random.Next(0, 4), random.Next(0, 6), random.Next(0, 2), random.Next(0, 2), random.Next(0, 3)),
                    new(2025, random.Next(3, 80), random.Next(50, 5000), random.Next(0, 4), random.Next(0, 6), random.Next(0, 2), random.Next(0, 2), random.Next(0, 3)),
                ])
            { MainBusiness = "软件开发与技术服务", ContactName = Surnames[random.Next(10)] + "经理", ContactPhone = $"139{random.Next(10_000_000, 99_999_999)}" };
        }).ToList();
        var functions = ServiceFunctions.Base.Where(f => f != ServiceFunction.IndustryChainService).ToArray();
        var entries = Enumerable.Range(1, activities).Select(i =>
        {
            var form = (ServiceForm)random.Next(1, 4);
            var participants = Enumerable.Range(0, form == ServiceForm.OneToOne ? 1 : random.Next(2, 12))
                .Select(_ => resident[random.Next(resident.Count)]).DistinctBy(r => r.Id)
                .Select(r => new Participant(r.Id, r.Name)).ToList();
            return new EntryFact(Id(), functions[random.Next(functions.Length)], new DateOnly(2025, 1, 1).AddDays(random.Next(365)), form,
                EventTopic.None, participants.Count * random.Next(1, 4), (FeeClass)random.Next(1, 4), participants);
        }).ToList();
        return new ApplicationDocumentData
        {
            Base = new BaseParticulars
            {
                BaseName = "昆明五华创新创业园", OperatorName = "昆明五华创业服务有限公司", County = "五华区",
                LeadingIndustries = Industries[..3], UnitNature = "有限责任公司", LegalRepresentative = "周建国",
                RegisteredOn = new DateOnly(2018, 5, 8), RegisteredAddress = "云南省昆明市五华区学府路100号", ContactName = "刘洋",
                ContactPhone = "0871-65550000", ContactMobile = "13800000000", MainFacilities = "孵化办公区、路演厅、共享实验室",
                TotalAreaM2 = 32000, PublicServiceAreaM2 = 6000,
            },
            FilledOn = new DateOnly(2026, 3, 15),
            ReportYear = 2025,
            OperatorRevenueWan = 2345.67m,
            FeesWaivedWan = 88.8m,
            Residents = resident,
            Staff = Enumerable.Range(1, 20).Select(i => new ApplicantStaff(Id(), Surnames[i % 10] + "老师" + i, "服务专员", true,
                (Education)random.Next(1, 6), (TitleLevel)random.Next(0, 4), random.Next(1, 8)) { Phone = "137000000" + i.ToString("D2") }).ToList(),
            Partners = Enumerable.Range(1, 8).Select(i => new ApplicantPartner(Id(), $"合作服务机构{i}", new DateOnly(2023, 1, 1), null, "专业服务")).ToList(),
            Entries = entries,
            SurveyAnswers = resident.Select(r => new SatisfactionAnswer(r.Id, null, random.Next(10) < 9)).ToList(),
            Narrative = new ApplicationNarrative
            {
                BasicSituation = string.Join("\n", Enumerable.Repeat("园区坚持专业化、市场化运营，围绕主导产业集聚创业创新资源，为入驻小微企业提供一站式服务。", 6)),
                OperationsManagement = string.Join("\n", Enumerable.Repeat("建立服务流程、收费标准和服务质量监督保证措施，定期开展满意度调查。", 6)),
            },
        };
    }
}
