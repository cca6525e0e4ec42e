using Exemplar.Domain.Ledger;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Documents.Applications;
using Exemplar.Web.Features.Documents.Certificates;
using Exemplar.Web.Features.Documents.Kunming;
using Exemplar.Web.Features.Documents.Official;
using Exemplar.Web.Features.Documents.Tibet;

namespace Exemplar.Web.Tests.Features.Documents;

/// <summary>
/// Small records whose figures are counted by hand in the comments, so tests compare the documents with these
/// numbers and never with the generator's own output.
/// </summary>
internal static class DocumentFixtures
{
    public static readonly Guid R1 = Guid.Parse("00000000-0000-0000-0000-000000000001"); // 云岭软件, small, 2021-03
    public static readonly Guid R2 = Guid.Parse("00000000-0000-0000-0000-000000000002"); // 滇池生物, micro, 2022-06
    public static readonly Guid R3 = Guid.Parse("00000000-0000-0000-0000-000000000003"); // 春城电商, micro, 2024-05
    public static readonly Guid R4 = Guid.Parse("00000000-0000-0000-0000-000000000004"); // 五华机械, medium, 2020-01
    public static readonly Guid R5 = Guid.Parse("00000000-0000-0000-0000-000000000005"); // 老城文化, micro, left 2025-06-30

    private static Guid G(int n) => new($"10000000-0000-0000-0000-{n:D12}");

    private static EntryFact Entry(int n, ServiceFunction f, string date, ServiceForm form, FeeClass fee, int persons, params Guid?[] residents) =>
        new(G(n), f, DateOnly.Parse(date), form, EventTopic.None, persons, fee, residents.Select(r => new Participant(r, r is null ? "外部企业甲" : r.ToString()!)).ToList());

    /// <summary>
    /// Hand counts (report year 2025, filled 2026-03-15):
    /// 2024 year end: residents R1–R5 = 5, small/micro R1 R2 R3 R5 = 4, their employees 30+12+5+6 = 53, revenue 800+210+40+50 = 1100;
    /// 2025 year end (R5 left 2025-06-30): residents 4, small/micro R1 R2 R3 = 3, employees 35+15+8 = 58, revenue 950.5+260.25+75 = 1285.75;
    /// all residents' employees 2025: 130+35+15+8 = 188, revenue 5600+950.5+260.25+75 = 6885.75.
    /// Patents applied 2024: 2+1 = 3, 2025: 3+1 = 4, total 7; held 2024: 3, 2025: 4+1 = 5, total 8.
    /// Staff: full-time 4 (张明, 李华, 王芳, 赵强), qualified 3 (硕士, 本科, 中级职称) = 75%, mentors 3 (张明, 王芳, 陈静).
    /// Partners active on 2026-03-15: 云南明理律师事务所, 滇中知识产权代理有限公司 (昆明信达会计师事务所 ended 2025-12-31).
    /// Ledger 2025: 信息服务 entries E1 (R1 R2 R3, event, free), E2 (R1 R4, event, market), E3 (R2, one-to-one, low fee)
    ///   → 4 户, 2 场次, 6 家次, free/low 4 家次; 创业辅导 E4 (R3, one-to-one) → 1 户, 0 场次; 人员培训 E5 (R1–R4, training,
    ///   40 persons, free) → 4 户, 1 场次; 投融资服务 E6 (R1 R2, event) → 2 户, 1 场次; 专业服务 E8 (R4 + 外部企业甲) → 2 户, 0;
    ///   E7 is 2024 and not counted. All 2025: 15 家次, free/low 3+1+1+4 = 9 = 60%.
    /// Survey: R1 R2 R4 satisfied, R3 not → 3/4 = 75%. R1 received 信息服务2次、人员培训1次、投融资服务1次.
    /// </summary>
    public static ApplicationDocumentData Kunming() => new()
    {
        Base = new BaseParticulars
        {
            BaseName = "昆明五华创新创业园",
            OperatorName = "昆明五华创业服务有限公司",
            OperatorUscc = "91530102MA6K000001",
            County = "五华区",
            LeadingIndustries = ["软件和信息技术服务", "生物医药", "先进装备制造"],
            UnitNature = "有限责任公司",
            LegalRepresentative = "周建国",
            RegisteredOn = new DateOnly(2018, 5, 8),
            RegisteredAddress = "云南省昆明市五华区学府路100号",
            Address = "昆明市五华区学府路100号",
            EstablishedOn = new DateOnly(2019, 3, 1),
            OperatingSince = new DateOnly(2019, 3, 1),
            ContactName = "刘洋",
            ContactPhone = "0871-65550000",
            ContactMobile = "13800000000",
            Website = "www.example.cn（滇ICP备00000000号）",
            Email = "contact@example.cn",
            MainFacilities = "孵化办公区、路演厅、共享实验室、中试车间",
            TotalAreaM2 = 12500.5m,
            PublicServiceAreaM2 = 2600m,
            PrimaryType = CarrierPrimaryType.ProducerServices,
        },
        FilledOn = new DateOnly(2026, 3, 15),
        ReportYear = 2025,
        OperatorRevenueWan = 1234.56m,
        FeesWaivedWan = 45.5m,
        Reference = "KM-2026-0007",
        Residents =
        [
            new(R1, "云岭软件有限公司", "91530102MA6K100001", new(2021, 3, 1), null, SizeClass.Small, true, "软件和信息技术服务",
                [new(2024, 30, 800m, 2, 3, 1, 0, 0), new(2025, 35, 950.5m, 3, 4, 1, 1, 0)]) { MainBusiness = "工业软件开发", ContactName = "李云", ContactPhone = "13900000001" },
            new(R2, "滇池生物科技有限公司", "91530102MA6K100002", new(2022, 6, 15), null, SizeClass.Micro, true, "生物医药",
                [new(2024, 12, 210m, 1, 0, 0, 1, 0), new(2025, 15, 260.25m, 1, 1, 0, 1, 2)]) { MainBusiness = "植物提取物研发", ContactName = "王滇", ContactPhone = "13900000002" },
            new(R3, "春城电商有限公司", "91530102MA6K100003", new(2024, 5, 10), null, SizeClass.Micro, false, "电子商务",
                [new(2024, 5, 40m), new(2025, 8, 75m, 0, 0, 0, 0, 1)]) { MainBusiness = "农特产品网络销售", ContactName = "张春", ContactPhone = "13900000003" },
            new(R4, "五华机械制造有限公司", "91530102MA6K100004", new(2020, 1, 1), null, SizeClass.Other, true, "先进装备制造",
                [new(2024, 120, 5000m), new(2025, 130, 5600m)]) { MainBusiness = "数控设备制造", ContactName = "赵华", ContactPhone = "13900000004" },
            new(R5, "老城文化传媒有限公司", "91530102MA6K100005", new(2019, 9, 1), new DateOnly(2025, 6, 30), SizeClass.Micro, false, "文化创意",
                [new(2024, 6, 50m, 0, 0, 0, 0, 1), new(2025, 4, 20m)]) { MainBusiness = "广告设计", ContactName = "钱城", ContactPhone = "13900000005" },
        ],
        Staff =
        [
            new(G(101), "张明", "总经理", true, Education.Master, TitleLevel.Senior, 5m) { MentorCertificate = "国家级创业导师证书", SchoolAndMajor = "云南大学 工商管理", QualificationIssuer = "人力资源和社会保障部", Phone = "13700000001" },
            new(G(102), "李华", "服务专员", true, Education.Bachelor, TitleLevel.None, 3m) { SchoolAndMajor = "昆明理工大学 计算机科学", Phone = "13700000002" },
            new(G(103), "王芳", "服务专员", true, Education.JuniorCollege, TitleLevel.Intermediate, 2.5m) { MentorCertificate = "创业咨询师", Qualification = "中级经济师", QualificationIssuer = "云南省人力资源和社会保障厅", Phone = "13700000003" },
            new(G(104), "赵强", "行政", true, Education.HighSchool, TitleLevel.Junior, 1m) { Phone = "13700000004" },
            new(G(105), "陈静", "兼职导师", false, Education.Bachelor, TitleLevel.None, 2m) { MentorCertificate = "SYB创业培训讲师", Phone = "13700000005" },
        ],
        Partners =
        [
            new(G(201), "云南明理律师事务所", new(2023, 1, 1), null, "法律咨询"),
            new(G(202), "昆明信达会计师事务所", new(2022, 1, 1), new(2025, 12, 31), "代理记账"),
            new(G(203), "滇中知识产权代理有限公司", new(2024, 6, 1), new(2027, 5, 31), "专利申请"),
        ],
        Entries =
        [
            Entry(1, ServiceFunction.InformationService, "2025-03-10", ServiceForm.Event, FeeClass.Free, 10, R1, R2, R3),
            Entry(2, ServiceFunction.InformationService, "2025-05-20", ServiceForm.Event, FeeClass.Market, 4, R1, R4),
            Entry(3, ServiceFunction.InformationService, "2025-07-01", ServiceForm.OneToOne, FeeClass.LowFee, 1, R2),
            Entry(4, ServiceFunction.EntrepreneurshipCoaching, "2025-04-02", ServiceForm.OneToOne, FeeClass.Free, 1, R3),
            Entry(5, ServiceFunction.Training, "2025-06-18", ServiceForm.Training, FeeClass.Free, 40, R1, R2, R3, R4),
            Entry(6, ServiceFunction.Financing, "2025-09-09", ServiceForm.Event, FeeClass.Market, 6, R1, R2),
            Entry(7, ServiceFunction.InformationService, "2024-11-11", ServiceForm.Event, FeeClass.Free, 3, R1),
            Entry(8, ServiceFunction.ProfessionalServices, "2025-10-10", ServiceForm.OneToOne, FeeClass.Market, 2, R4, null),
        ],
        SurveyAnswers =
        [
            new(R1, null, true), new(R2, null, true), new(R3, null, false), new(R4, null, true),
            new(R1, ServiceFunction.InformationService, true),
        ],
        Narrative = new ApplicationNarrative
        {
            BasicSituation = "园区成立于2019年，位于五华区学府路。\n现有孵化面积一万余平方米。",
            ResidentsAndTeams = "入驻企业以软件和信息技术服务、生物医药为主。",
            OperationsManagement = "设综合服务部、企业服务部，制定服务流程和收费标准。",
            ServiceToSmallMicro = "全年开展信息服务、培训和投融资对接。",
            OtherMatters = "2024年获评区级优秀孵化载体。",
            DevelopmentPlan = "三年内入驻企业达到80家。",
            Innovation = "建设线上服务平台，实现服务申请、派单和评价线上办理。",
            TypicalCases = "为滇池生物对接投资机构，完成天使轮融资。",
            ProfessionalQualifications = "国家级科技企业孵化器",
            GovernmentSupport = "2025年获五华区中小企业发展专项资金50万元。",
            Honours = "2024年五华区优秀孵化载体",
            OtherPartners = "云南省中小企业服务中心",
            Functions = [new FunctionNarrative(ServiceFunction.InformationService, "发布政策信息，开展政策宣讲。", "覆盖全部入驻企业。", "线上线下结合")],
        },
    };

    /// <summary>Two rows: one recommended (officer: meets, engine: all quantitative met), one not (officer: does not meet).</summary>
    public static KunmingRecommendationSummaryData Summary() => new()
    {
        RecommendingUnit = "昆明市五华区工业和信息化局",
        FilledBy = "王芳",
        FilledByPhone = "0871-64100000",
        Date = new DateOnly(2026, 4, 10),
        Rows =
        [
            new() { BaseName = "昆明五华创新创业园", Address = "昆明市五华区学府路100号", OperatorName = "昆明五华创业服务有限公司", Principal = "周建国", ContactName = "刘洋", ContactMobile = "13800000000", MeetsConditions = true, EngineVerdict = Verdict.MeetsAllQuantitative, Recommended = true },
            new() { BaseName = "=HYPERLINK(\"http://x\")众创空间", Address = "昆明市五华区人民中路1号", OperatorName = "五华众创有限公司", Principal = "孙立", ContactName = "孙立", ContactMobile = "13800000009", MeetsConditions = false, EngineVerdict = Verdict.DoesNotMeet, Recommended = false, Remark = "入驻企业不足40家" },
        ],
    };

    public static TibetRecommendationData TibetRecommendation() => new()
    {
        RecommendingUnit = "拉萨市工业和信息化局",
        Date = new DateOnly(2026, 5, 20),
        Base = Kunming().Base with { BaseName = "拉萨城关创业园", OperatorName = "拉萨城关创业服务有限公司", County = "城关区", Address = "拉萨市城关区北京中路1号" },
        Conditions =
        [
            new("第六条第（一）项", "基地成立时间3年以上", "7年", ResultState.Met, true),
            new("第六条第（二）项", "入驻小微企业50家以上", "56家", ResultState.Met, true),
            new("第六条第（三）项", "专职服务人员不少于7人", "8人", ResultState.Met, true),
            new("第九条", "运营模式、管理模式创新", "见申请报告", ResultState.PendingReview, true, "线上服务平台运行良好"),
        ],
        Operation = new EvaluationAspect("良好", "治理结构完善，台账规范。"),
        Performance = new EvaluationAspect("优秀", "全年服务企业420家次。"),
        Satisfaction = new EvaluationAspect("良好", "抽查6户，满意5户，满意度83.33%。"),
        Opinion = "该基地符合申报条件，同意推荐。",
        Recommended = true,
        Reference = "XZ-2026-0003",
    };

    public static readonly Issuer KunmingBureau = new("昆明市工业和信息化局", "昆明市工业和信息化局文件", "昆明市工业和信息化局办公室");
    public static readonly ProgrammeRef KunmingProgramme = new("昆明市小型微型企业创业创新示范基地", "《昆明市小型微型企业创业创新示范基地认定管理办法（修订）》（昆工信规〔2022〕1号）");

    private static readonly NoticeBase[] Bases =
    [
        new("昆明五华创新创业园", "昆明五华创业服务有限公司", "五华区"),
        new("盘龙科创孵化基地", "昆明盘龙科创有限公司", "盘龙区"),
    ];

    public static OfficialDocumentData PublicNotice() => OfficialNotices.PublicNotice(new PublicNoticeData
    {
        Issuer = KunmingBureau, Programme = KunmingProgramme, DocumentNumber = "昆工信公示〔2026〕3号", Article = "第十三条",
        Procedure = "经县（市）区、开发（度假）区中小企业主管部门推荐、专家评审和现场核查", Bases = Bases,
        From = new DateOnly(2026, 11, 23), To = new DateOnly(2026, 12, 4), WorkingDays = 10,
        Contact = "昆明市工业和信息化局中小企业处，电话0871-63100000，地址昆明市呈贡区市级行政中心",
        Date = new DateOnly(2026, 11, 20),
    });

    public static OfficialDocumentData Announcement() => OfficialNotices.Announcement(new DesignationAnnouncementData
    {
        Issuer = KunmingBureau, Programme = KunmingProgramme, DocumentNumber = "昆工信〔2026〕120号",
        Addressee = "各县（市）区、开发（度假）区中小企业主管部门", Procedure = "经推荐、专家评审、现场核查、社会公示和集体决策", Bases = Bases,
        ValidFrom = new DateOnly(2026, 12, 10), ValidUntil = new DateOnly(2029, 12, 9), CopyTo = ["云南省工业和信息化厅"],
        Date = new DateOnly(2026, 12, 10),
    });

    public static OfficialDocumentData Revocation() => OfficialNotices.Revocation(new RevocationDecisionData
    {
        Issuer = KunmingBureau, Programme = KunmingProgramme, DocumentNumber = "昆工信〔2027〕15号",
        Base = new("盘龙科创孵化基地", "昆明盘龙科创有限公司", "盘龙区"), DesignatedBy = "2026年12月10日（昆工信〔2026〕120号）",
        Facts = "2027年3月，经核查，该基地申报材料中入驻企业名单有12家企业未实际入驻。\n该基地未能作出合理说明。",
        Ground = "《昆明市小型微型企业创业创新示范基地认定管理办法（修订）》第十五条“在有效期内如有违法违规等行为，一经查实，予以撤销市级示范基地称号”",
        Consequences = "收回已颁发的牌匾", Remedies = Exemplar.Web.Features.Decisions.Remedies.Text, CopyTo = ["盘龙区工业和信息化局"], Date = new DateOnly(2027, 4, 6),
    });

    public const string QrPayload = "https://exemplar.example/verify/KM-2026-001?sig=3q2+7w";

    public static CertificateData Certificate() => new()
    {
        Number = "KM-2026-001", DesignationTitle = "昆明市小型微型企业创业创新示范基地", BaseName = "昆明五华创新创业园",
        OperatorName = "昆明五华创业服务有限公司", ValidFrom = new DateOnly(2026, 12, 10), ValidUntil = new DateOnly(2029, 12, 9),
        IssuerName = "昆明市工业和信息化局", IssuedOn = new DateOnly(2026, 12, 10), QrPayload = QrPayload,
    };
}
