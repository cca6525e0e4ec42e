using Exemplar.Domain.Ledger;

namespace Exemplar.Web.Features.Documents.Applications;

/// <summary>
/// What an application form is generated from: the application's frozen snapshot, in the form's terms. The
/// applications area fills one from the snapshot it locks for stamping (the base's particulars, its residents,
/// staff, partners, ledger entries and survey answers as they stood, and the applicant's text fields); every
/// programme's 申请报告/申请表 is generated from this one record, and every figure on it is counted from these
/// records by <see cref="ApplicationFigures"/> with the ledger's own metric functions.
/// </summary>
public sealed record ApplicationDocumentData
{
    public required BaseParticulars Base { get; init; }
    /// <summary>填报日期 — the day the snapshot was locked for stamping.</summary>
    public required DateOnly FilledOn { get; init; }
    /// <summary>上一年度: the year whose ledger, revenue and survey the form reports.</summary>
    public required int ReportYear { get; init; }
    /// <summary>Years of the 创业/创新情况 tables, oldest first (Kunming asks for at least two).</summary>
    public IReadOnlyList<int> FigureYears => [ReportYear - 1, ReportYear];
    /// <summary>上一年度营业收入（万元） of the operator.</summary>
    public decimal? OperatorRevenueWan { get; init; }
    /// <summary>减免小微企业各类服务费用（万元）.</summary>
    public decimal? FeesWaivedWan { get; init; }
    public IReadOnlyList<ApplicantResident> Residents { get; init; } = [];
    public IReadOnlyList<ApplicantStaff> Staff { get; init; } = [];
    public IReadOnlyList<ApplicantPartner> Partners { get; init; } = [];
    /// <summary>The service ledger (all years the snapshot holds); figures use <see cref="ReportYear"/>.</summary>
    public IReadOnlyList<EntryFact> Entries { get; init; } = [];
    /// <summary>The survey round's answers; the overall judgement of an enterprise has <c>Function = null</c>.</summary>
    public IReadOnlyList<SatisfactionAnswer> SurveyAnswers { get; init; } = [];
    public ApplicationNarrative Narrative { get; init; } = new();
    /// <summary>申报编号 or the snapshot's short hash, printed on the cover so paper and record can be matched.</summary>
    public string Reference { get; init; } = "";
    /// <summary>What <see cref="Reference"/> is, as printed before it (申报编号, 锁定数据哈希).</summary>
    public string ReferenceLabel { get; init; } = "申报编号";
    /// <summary>
    /// 在册日期: the day whose residents and partner agreements the lists and counts show. The applications area sets
    /// the report year's last day, as its figures are of that year; without it, the day the form is filled.
    /// </summary>
    public DateOnly? RecordsOn { get; init; }
    public DateOnly ListedOn => RecordsOn ?? FilledOn;
}

/// <summary>The base and its operator as the application states them (cover, 一、基地基本情况).</summary>
public sealed record BaseParticulars
{
    public required string BaseName { get; init; }
    /// <summary>运营单位名称 — the applicant (申请单位/申报单位).</summary>
    public required string OperatorName { get; init; }
    public string OperatorUscc { get; init; } = "";
    /// <summary>所属县区 (or development zone), by name.</summary>
    public string County { get; init; } = "";
    public IReadOnlyList<string> LeadingIndustries { get; init; } = [];
    /// <summary>单位性质 (企业、事业单位、社会团体…).</summary>
    public string UnitNature { get; init; } = "";
    public string LegalRepresentative { get; init; } = "";
    /// <summary>注册日期 of the operator.</summary>
    public DateOnly? RegisteredOn { get; init; }
    public string RegisteredAddress { get; init; } = "";
    /// <summary>The base's own address (推荐汇总表 地址).</summary>
    public string Address { get; init; } = "";
    /// <summary>基地成立时间 (Kunming 第六条（二）两年以上; Tibet 第六条（一）3年以上).</summary>
    public DateOnly? EstablishedOn { get; init; }
    /// <summary>Since when the operator runs this base (Liaocheng 第五条（一）一年以上).</summary>
    public DateOnly? OperatingSince { get; init; }
    public string ContactName { get; init; } = "";
    public string ContactPhone { get; init; } = "";
    public string ContactMobile { get; init; } = "";
    /// <summary>网址及备案号.</summary>
    public string Website { get; init; } = "";
    public string Email { get; init; } = "";
    public string MainFacilities { get; init; } = "";
    public decimal? TotalAreaM2 { get; init; }
    public decimal? PublicServiceAreaM2 { get; init; }
    public CarrierPrimaryType? PrimaryType { get; init; }
}

/// <summary>A resident enterprise (入驻企业) with its yearly figures.</summary>
public sealed record ApplicantResident(
    Guid Id, string Name, string Uscc, DateOnly EntryDate, DateOnly? ExitDate, SizeClass Size, bool InLeadingIndustry,
    string Industry, IReadOnlyList<ApplicantResidentYear> Years)
{
    /// <summary>主营业务.</summary>
    public string MainBusiness { get; init; } = "";
    public string ContactName { get; init; } = "";
    public string ContactPhone { get; init; } = "";

    public ApplicantResidentYear? For(int year) => Years.FirstOrDefault(y => y.Year == year);

    public ResidentFact ToFact() => new(Id, Name, EntryDate, ExitDate, Size, InLeadingIndustry,
        Years.Select(y => new ResidentYear(y.Year, y.Employees, y.RevenueWan, y.InnovationOutcomes)).ToList());
}

/// <summary>One year of a resident: 从业人员, 营业收入（万元）and the innovation outcomes 昆明办法第六条第（九）项 counts.</summary>
public sealed record ApplicantResidentYear(int Year, int Employees, decimal RevenueWan, int PatentsApplied = 0, int PatentsHeld = 0,
    int HighTechRecognitions = 0, int TechSmeRecognitions = 0, int OtherOutcomes = 0)
{
    public int InnovationOutcomes => PatentsApplied + PatentsHeld + HighTechRecognitions + TechSmeRecognitions + OtherOutcomes;
}

/// <summary>A member of the management and service staff (管理和专职服务人员), mentors included.</summary>
public sealed record ApplicantStaff(Guid Id, string Name, string Position, bool FullTime, Education Education, TitleLevel Title, decimal YearsAtBase)
{
    /// <summary>创业导师资格证名称; null when the person holds none.</summary>
    public string? MentorCertificate { get; init; }
    /// <summary>毕业院校及专业.</summary>
    public string SchoolAndMajor { get; init; } = "";
    /// <summary>专业资质: 资格证名称 and 发证机关.</summary>
    public string Qualification { get; init; } = "";
    public string QualificationIssuer { get; init; } = "";
    public string Phone { get; init; } = "";

    public bool IsMentor => MentorCertificate is not null;

    public StaffFact ToFact() => new(Id, Name, FullTime, Education, Title, IsMentor);
}

/// <summary>A partner agency with a signed agreement (签约合作服务机构).</summary>
public sealed record ApplicantPartner(Guid Id, string Name, DateOnly From, DateOnly? To, string Services = "")
{
    public bool ActiveOn(DateOnly date) => From <= date && (To is null || To.Value >= date);
}

/// <summary>What the applicant writes about one service function (开展服务活动情况表).</summary>
public sealed record FunctionNarrative(ServiceFunction Function, string Summary, string Outcome, string Remark = "");

/// <summary>The applicant's text fields: 申请报告 五（一）–（六） and the free-text cells of the forms.</summary>
public sealed record ApplicationNarrative
{
    /// <summary>（一）基地的基本情况.</summary>
    public string BasicSituation { get; init; } = "";
    /// <summary>（二）入驻企业和创业团队情况.</summary>
    public string ResidentsAndTeams { get; init; } = "";
    /// <summary>（三）基地运营管理情况.</summary>
    public string OperationsManagement { get; init; } = "";
    /// <summary>（四）服务小微企业情况.</summary>
    public string ServiceToSmallMicro { get; init; } = "";
    /// <summary>（五）其他需要说明的事项.</summary>
    public string OtherMatters { get; init; } = "";
    /// <summary>（六）下一步发展计划、目标.</summary>
    public string DevelopmentPlan { get; init; } = "";
    /// <summary>运营模式、管理模式上的创新与示范 (西藏办法第九条, 聊城办法第八条).</summary>
    public string Innovation { get; init; } = "";
    /// <summary>基地典型服务案例 (西藏第十二条（七）, 聊城第十一条（八）: 不超过3000字).</summary>
    public string TypicalCases { get; init; } = "";
    /// <summary>获得专业资质情况.</summary>
    public string ProfessionalQualifications { get; init; } = "";
    /// <summary>得到政府扶持的情况.</summary>
    public string GovernmentSupport { get; init; } = "";
    /// <summary>各级政府或省级行业协会授予称号、荣誉.</summary>
    public string Honours { get; init; } = "";
    /// <summary>其他合作单位 (besides the partners with signed agreements).</summary>
    public string OtherPartners { get; init; } = "";
    public IReadOnlyList<FunctionNarrative> Functions { get; init; } = [];
}
