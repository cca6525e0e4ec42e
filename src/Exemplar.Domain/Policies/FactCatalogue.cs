namespace Exemplar.Domain.Policies;

public enum FactType
{
    Number,
    Date,
    Text,
    Boolean,
    Series,
    Penalties,
    Attestation,
    /// <summary>Counts per registration division (GB/T 2260 code or prefix): 入驻小微企业按注册地统计.</summary>
    DivisionCounts,
}

/// <summary>What a text fact holds: free text, a GB/T 2260 division code, or one of <see cref="FactDefinition.Options"/>.</summary>
public enum TextFormat
{
    Free,
    DivisionCode,
    Option,
}

public sealed record FactOption(string Value, string Label);

/// <summary>
/// The values a domain expert accepts for a number: counts are whole numbers, percentages 0–100, every number
/// bounded. <see cref="Check"/> gives the Chinese message naming the field and the range.
/// </summary>
public sealed record NumberRange(decimal Min, decimal Max, bool WholeNumber)
{
    public static readonly NumberRange Enterprises = new(0, 100_000, true);
    public static readonly NumberRange People = new(0, 1_000_000, true);
    public static readonly NumberRange Staff = new(0, 10_000, true);
    public static readonly NumberRange Agencies = new(0, 10_000, true);
    public static readonly NumberRange Industries = new(0, 100, true);
    public static readonly NumberRange Volume = new(0, 10_000_000, true);
    public static readonly NumberRange Events = new(0, 100_000, true);
    public static readonly NumberRange Outputs = new(0, 1_000_000, true);
    public static readonly NumberRange Percent = new(0, 100, false);
    public static readonly NumberRange Area = new(0, 100_000_000, false);
    public static readonly NumberRange TenThousandYuan = new(0, 100_000_000, false);

    public string Describe(string? unit) =>
        $"{(WholeNumber ? "整数" : "数值")}，范围 {Format(Min)} 至 {Format(Max)}{(unit is null or "" ? "" : (unit == "%" ? "%" : " " + unit))}";

    /// <summary>Null when <paramref name="value"/> is acceptable, else the message naming <paramref name="label"/>.</summary>
    public string? Check(decimal value, string label, string? unit)
    {
        if (value < Min || value > Max)
        {
            return $"“{label}”应在 {Format(Min)} 至 {Format(Max)}{UnitText(unit)}之间，您填写了 {Format(value)}。";
        }

        if (WholeNumber && value != decimal.Truncate(value))
        {
            return $"“{label}”应为整数（{Format(Min)} 至 {Format(Max)}{UnitText(unit)}），您填写了 {Format(value)}。";
        }

        return null;
    }

    private static string UnitText(string? unit) => unit is null or "" ? "" : unit == "%" ? "%" : " " + unit;

    private static string Format(decimal d) => d.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One fact a profile may hold. <see cref="Help"/> says what exactly it counts (who, where registered, which
/// subject) — the words the self-check form shows under the field; <c>policies/README.md</c> says the same and how
/// the ledger fills it.
/// </summary>
public sealed record FactDefinition(string Key, string Label, FactType Type, string? Unit, string? Help = null)
{
    public NumberRange? Range { get; init; }
    public TextFormat Format { get; init; } = TextFormat.Free;
    public IReadOnlyList<FactOption> Options { get; init; } = [];
    /// <summary>A date of something that has happened by the reference date (founding, start of operation).</summary>
    public bool PastDate { get; init; }

    public string? OptionLabel(string? value) => Options.FirstOrDefault(o => o.Value == value)?.Label;
}

public sealed record ServiceFunctionDefinition(string Id, string Label);

/// <summary>
/// The one list of facts a profile may hold, with Chinese labels, units, ranges and what each counts, so a form
/// can be built from it. Per-function volumes use the key <c>functions.{functionId}.{measure}</c>; attestations
/// <c>attestations.{id}</c>.
/// </summary>
public static class FactCatalogue
{
    /// <summary>The earliest founding or operating date accepted (the People's Republic's founding).</summary>
    public static readonly DateOnly EarliestPastDate = new(1949, 10, 1);

    public static readonly IReadOnlyList<FactDefinition> Facts =
    [
        new("carrierType", "载体类型", FactType.Text, null, "按各办法第三条所列可申报的载体类型选择")
        {
            Format = TextFormat.Option,
            Options = [.. CarrierTypes.All.Select(t => new FactOption(t.Id, t.Label))],
        },
        new("locationDivisionCode", "基地（平台）所在地行政区划代码", FactType.Text, null,
            "基地（平台）场所所在的县级或地级行政区划代码（GB/T 2260，6 位），如 530102；开发区填所在地的代码")
        { Format = TextFormat.DivisionCode },
        new("registrationDivisionCode", "申报主体（运营单位）注册地行政区划代码", FactType.Text, null,
            "运营单位统一社会信用代码第 3 至 8 位（登记管理机关所在地的行政区划代码），如 371502")
        { Format = TextFormat.DivisionCode },
        new("baseFoundedOn", "基地成立日期", FactType.Date, null,
            "基地（载体本身）建成投入使用的日期；与运营单位成立日期、现运营主体接手日期不同")
        { PastDate = true },
        new("operatorSince", "申报主体开始运营管理本基地（平台）的日期", FactType.Date, null,
            "现申报主体（运营单位）开始运营管理本基地或平台的日期；更换过运营主体的，填现运营主体接手之日")
        { PastDate = true },
        new("operatorFoundedOn", "运营单位（法人）成立日期", FactType.Date, null,
            "运营单位营业执照或法人登记证书所载的成立日期")
        { PastDate = true },
        new("baseType", "基地产业类型", FactType.Text, null, "以制造业为主或以生产服务业为主（昆明办法第六条第（七）项）")
        {
            Format = TextFormat.Option,
            Options = [new("manufacturing", "以制造业为主"), new("producerServices", "以生产服务业为主")],
        },
        new("highEndManufacturingBase", "是否为聚集“高精尖”领域制造业企业的基地", FactType.Boolean, null,
            "聚集新一代信息技术、医药健康、集成电路、智能网联汽车、智能制造等“高精尖”领域制造业企业的基地（北京办法第六条第（五）项）"),
        new("residentSmallMicroCount", "入驻小微企业数", FactType.Number, "家",
            "基准日在基地内的小型、微型入驻企业家数，不论注册地")
        { Range = NumberRange.Enterprises },
        new("residentSmallMicroByRegistration", "入驻小微企业按注册地统计", FactType.DivisionCounts, "家",
            "入驻小微企业按其注册地（统一社会信用代码第 3 至 8 位）分别计数；北京办法只计注册在本市的")
        { Range = NumberRange.Enterprises },
        new("residentTotalCount", "入驻企业总数", FactType.Number, "家", "基准日在基地内的全部入驻企业（含非小微企业）")
        { Range = NumberRange.Enterprises },
        new("leadingIndustryResidentCount", "属于主导产业的入驻企业数", FactType.Number, "家",
            "主营业务属于基地主导产业（全部主导产业，至多 3 个）的入驻企业家数")
        { Range = NumberRange.Enterprises },
        new("topTwoLeadingIndustryResidentCount", "企业最多的两个主导产业的入驻企业数", FactType.Number, "家",
            "在基地主导产业中取入驻企业最多的两个，属于这两个产业的入驻企业家数（只有一个主导产业的，即该产业的家数）")
        { Range = NumberRange.Enterprises },
        new("leadingIndustryCount", "主导产业个数", FactType.Number, "个", "基地申报的主导产业个数")
        { Range = NumberRange.Industries },
        new("smallMicroEmployeeCount", "入驻小微企业从业人员数", FactType.Number, "人",
            "入驻小微企业的从业人员合计（基准日所在年度的人数）")
        { Range = NumberRange.People },
        new("fullTimeServiceStaffCount", "专职服务人员数", FactType.Number, "人",
            "专职从事创业创新服务的人员，不含兼职")
        { Range = NumberRange.Staff },
        new("fullTimeStaffBachelorOrIntermediateCount", "专职服务人员中本科及以上学历或中级及以上技术职称人数", FactType.Number, "人",
            "专职服务人员中具有本科及以上学历或中级及以上技术职称的人数（两项具备其一即计）")
        { Range = NumberRange.Staff },
        new("serviceStaffTotalCount", "从事服务的人员总数（专职和兼职）", FactType.Number, "人",
            "为企业提供服务的全部人员，专职与兼职合计")
        { Range = NumberRange.Staff },
        new("serviceStaffBachelorOrIntermediateCount", "服务人员中本科及以上学历或中级及以上技术职称人数", FactType.Number, "人",
            "全部服务人员（专职和兼职）中具有本科及以上学历或中级及以上技术职称的人数（两项具备其一即计）")
        { Range = NumberRange.Staff },
        new("serviceStaffJuniorCollegeOrIntermediateCount", "服务人员中大专及以上学历或中级及以上技术职称人数", FactType.Number, "人",
            "全部服务人员（专职和兼职）中具有大专及以上学历或中级及以上技术职称的人数（两项具备其一即计）")
        { Range = NumberRange.Staff },
        new("mentorCount", "创业导师（辅导师）人数", FactType.Number, "人", "持证或受聘的创业导师、创业辅导师")
        { Range = NumberRange.Staff },
        new("partnerAgencyCount", "引入或签约的外部专业服务机构数", FactType.Number, "家",
            "基准日仍在合作期内的引入、战略合作或签约入驻的外部专业服务机构")
        { Range = NumberRange.Agencies },
        new("totalServiceVolume", "总服务量", FactType.Number, "家次", "上一年度全部服务的家次（每次服务每家企业计一次）")
        { Range = NumberRange.Volume },
        new("freeOrLowFeeServiceVolume", "公益性或低收费服务量（全部服务对象）", FactType.Number, "家次",
            "上一年度公益性（免费）或低收费服务的家次，服务对象不限")
        { Range = NumberRange.Volume },
        new("freeOrLowFeeVolumeToSmallMicro", "向小微企业提供的公益性或低收费服务量", FactType.Number, "家次",
            "上一年度向小型、微型企业（入驻或未入驻）提供的公益性或低收费服务家次")
        { Range = NumberRange.Volume },
        new("freeOrLowFeeVolumeToResidentSmallMicro", "向入驻小微企业提供的公益性或低收费服务量", FactType.Number, "家次",
            "上一年度向入驻本基地的小微企业提供的公益性或低收费服务家次")
        { Range = NumberRange.Volume },
        new("residentSmallMicroSatisfactionPercent", "入驻小微企业服务满意度", FactType.Number, "%",
            "入驻小微企业满意度评价中“满意”的企业占作答企业的比例")
        { Range = NumberRange.Percent },
        new("userSatisfactionPercent", "用户满意度", FactType.Number, "%", "接受服务的企业（用户）中表示满意的比例")
        { Range = NumberRange.Percent },
        new("buildingArea", "基地建筑总面积", FactType.Number, "平方米", "基地建筑物的总建筑面积")
        { Range = NumberRange.Area },
        new("publicServiceArea", "公共服务空间面积", FactType.Number, "平方米", "用于公共服务的区域面积")
        { Range = NumberRange.Area },
        new("siteArea", "场地面积", FactType.Number, "平方米", "满足入驻企业生产经营、创业孵化的场地面积")
        { Range = NumberRange.Area },
        new("totalAssets", "资产总额", FactType.Number, "万元", "运营单位上一年末资产总额")
        { Range = NumberRange.TenThousandYuan },
        new("enterprisesServedAnnual", "年服务中小企业数", FactType.Number, "家", "上一年度接受服务的中小企业家数（不重复计）")
        { Range = NumberRange.Enterprises },
        new("enterprisesServedSeries", "各年度服务企业数", FactType.Series, "家", "各年度接受服务的企业家数（不重复计）")
        { Range = NumberRange.Enterprises },
        new("residentSmallMicroSeries", "各年度入驻小微企业数", FactType.Series, "家", "各年末的入驻小微企业家数")
        { Range = NumberRange.Enterprises },
        new("employeeSeries", "各年度入驻小微企业从业人数", FactType.Series, "人", "各年度入驻小微企业的从业人员合计")
        { Range = NumberRange.People },
        new("innovationOutputSeries", "各年度创新成果数", FactType.Series, "项",
            "各年度入驻小微企业的可统计创新成果（知识产权、科技成果、技术标准、资质认定等）")
        { Range = NumberRange.Outputs },
        new("penalties", "处罚记录（刑事、严重行政处罚等，含日期）", FactType.Penalties, null,
            "运营单位及其法定代表人受到的处罚；无处罚时填空列表 []，不可省略"),
    ];

    /// <summary>
    /// Keys that used to mean something else and were split (issue 10); a profile that still uses one gets a message
    /// naming the keys that replace it instead of a silently wrong verdict.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RetiredKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["operatingSince"] = "已拆分为 baseFoundedOn（基地成立日期）、operatorSince（申报主体开始运营管理本基地的日期）和 operatorFoundedOn（运营单位成立日期）",
        ["serviceStaffCount"] = "已拆分为 fullTimeServiceStaffCount（专职服务人员数）和 serviceStaffTotalCount（从事服务的人员总数）",
        ["qualifiedStaffCount"] = "已拆分为 fullTimeStaffBachelorOrIntermediateCount、serviceStaffBachelorOrIntermediateCount 和 serviceStaffJuniorCollegeOrIntermediateCount",
        ["employeeCount"] = "已改为 smallMicroEmployeeCount（入驻小微企业从业人员数）",
        ["satisfactionPercent"] = "已拆分为 residentSmallMicroSatisfactionPercent（入驻小微企业服务满意度）和 userSatisfactionPercent（用户满意度）",
    };

    public static readonly IReadOnlyList<ServiceFunctionDefinition> Functions =
    [
        new("informationService", "信息服务"),
        new("entrepreneurshipCoaching", "创业辅导"),
        new("innovationSupport", "创新支持"),
        new("training", "人员培训"),
        new("marketing", "市场营销"),
        new("financing", "投融资服务"),
        new("managementConsulting", "管理咨询"),
        new("professionalServices", "专业服务"),
        new("industryChainService", "产业链服务"),
        new("technicalService", "技术服务"),
        new("startupService", "创业服务"),
    ];

    public static readonly IReadOnlyList<FactDefinition> Measures =
    [
        new("enterpriseVisits", "年服务企业", FactType.Number, "家次") { Range = NumberRange.Volume },
        new("enterprisesServed", "年服务企业数", FactType.Number, "家") { Range = NumberRange.Enterprises },
        new("events", "年组织服务活动", FactType.Number, "次") { Range = NumberRange.Events },
        new("personTimes", "年培训", FactType.Number, "人次") { Range = NumberRange.Volume },
        new("exhibitionEvents", "年组织参加展览展销、贸易洽谈等活动", FactType.Number, "次") { Range = NumberRange.Events },
        new("matchmakingEvents", "年组织与龙头企业产品对接、合作交流活动", FactType.Number, "次") { Range = NumberRange.Events },
        new("bankEnterpriseEvents", "年组织银企对接活动", FactType.Number, "次") { Range = NumberRange.Events },
        new("financeLectureEvents", "年组织融资知识讲座", FactType.Number, "次") { Range = NumberRange.Events },
        new("offered", "是否提供该项服务", FactType.Boolean, null),
    ];

    public static readonly IReadOnlyList<FactDefinition> Attestations =
    [
        new("independentLegalPerson", "申报主体具有独立法人资格", FactType.Attestation, null),
        new("registeredInCity", "注册地在本地（由登记机关证明）", FactType.Attestation, null),
        new("recommendedByCounty", "已获得县（市）区、开发（度假）区中小企业主管部门推荐", FactType.Attestation, null),
        new("prefectureRecognition", "获得地（市）级（含）以上部门相关认定、表彰、资助", FactType.Attestation, null),
        new("projectApprovalComplete", "基地建设立项手续完备", FactType.Attestation, null),
        new("noSeriousDishonesty", "单位及其法定代表人均无司法、行政机关认定的严重失信行为", FactType.Attestation, null),
        new("freeServiceProvided", "为入驻企业提供一定的公益性免费服务", FactType.Attestation, null),
        new("goodCredit", "信用良好、财务收支状况良好", FactType.Attestation, null),
    ];

    private static readonly Dictionary<string, FactDefinition> ByKey = BuildIndex();

    private static Dictionary<string, FactDefinition> BuildIndex()
    {
        var index = Facts.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var function in Functions)
        {
            foreach (var measure in Measures)
            {
                var key = FunctionKey(function.Id, measure.Key);
                index[key] = measure with { Key = key, Label = $"{function.Label}：{measure.Label}" };
            }
        }

        foreach (var attestation in Attestations)
        {
            index[AttestationKey(attestation.Key)] = attestation with { Key = AttestationKey(attestation.Key) };
        }

        return index;
    }

    public static string FunctionKey(string functionId, string measure) => $"functions.{functionId}.{measure}";

    public static string AttestationKey(string id) => $"attestations.{id}";

    public static bool TryGet(string key, out FactDefinition definition) => ByKey.TryGetValue(key, out definition!);

    public static FactDefinition Get(string key) =>
        ByKey.TryGetValue(key, out var d) ? d : throw new KeyNotFoundException($"未知事实项：{key}");

    /// <summary>The Chinese message for a key that is not in the catalogue (naming the replacement of a retired key).</summary>
    public static string UnknownKeyMessage(string key) =>
        RetiredKeys.TryGetValue(key, out var hint) ? $"事实项“{key}”已停用：{hint}" : $"未知事实项“{key}”";

    public static IEnumerable<FactDefinition> All => ByKey.Values;

    public static string LabelOf(string key) => ByKey.TryGetValue(key, out var d) ? d.Label
        : key == "applicationDeadline" ? "申报截止日期" : key;

    /// <summary>A value as a person reads it: an option's label (以制造业为主, not manufacturing), 是/否 for booleans.</summary>
    public static string ValueText(string key, string value)
    {
        if (!ByKey.TryGetValue(key, out var d))
        {
            return value;
        }

        return d.Type == FactType.Boolean
            ? (value == "true" ? "是" : value == "false" ? "否" : value)
            : d.OptionLabel(value) ?? (key == "carrierType" ? CarrierTypes.LabelOf(value) : value);
    }

    public static string FunctionLabel(string functionId) =>
        Functions.FirstOrDefault(f => f.Id == functionId)?.Label ?? functionId;
}
