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
}

public sealed record FactDefinition(string Key, string Label, FactType Type, string? Unit, string? Help = null);

public sealed record ServiceFunctionDefinition(string Id, string Label);

/// <summary>
/// The one list of facts a profile may hold, with Chinese labels and units, so a form can be built from it.
/// Per-function volumes use the key <c>functions.{functionId}.{measure}</c>; attestations
/// <c>attestations.{id}</c>.
/// </summary>
public static class FactCatalogue
{
    public static readonly IReadOnlyList<FactDefinition> Facts =
    [
        new("operatingSince", "基地（平台）成立或开始运营日期", FactType.Date, null),
        new("registrationDivisionCode", "注册地行政区划代码（GB/T 2260）", FactType.Text, null, "6 位，如 371502"),
        new("baseType", "基地类型", FactType.Text, null, "manufacturing = 以制造业为主；producerServices = 以生产服务业为主"),
        new("highEndManufacturingBase", "是否为聚集“高精尖”领域制造业企业的基地", FactType.Boolean, null),
        new("residentSmallMicroCount", "入驻小微企业数", FactType.Number, "家"),
        new("residentTotalCount", "入驻企业总数", FactType.Number, "家"),
        new("leadingIndustryResidentCount", "属于主导产业的入驻企业数", FactType.Number, "家"),
        new("leadingIndustryCount", "主导产业个数", FactType.Number, "个"),
        new("employeeCount", "入驻企业从业人员数", FactType.Number, "人"),
        new("serviceStaffCount", "专职服务人员数", FactType.Number, "人"),
        new("qualifiedStaffCount", "达到该办法学历或职称要求的服务人员数", FactType.Number, "人"),
        new("mentorCount", "创业导师（辅导师）人数", FactType.Number, "人"),
        new("partnerAgencyCount", "引入或签约的外部专业服务机构数", FactType.Number, "家"),
        new("freeOrLowFeeServiceVolume", "公益性或低收费服务量", FactType.Number, "次"),
        new("totalServiceVolume", "总服务量", FactType.Number, "次"),
        new("satisfactionPercent", "服务（用户）满意度", FactType.Number, "%"),
        new("buildingArea", "建筑总面积", FactType.Number, "平方米"),
        new("publicServiceArea", "公共服务空间面积", FactType.Number, "平方米"),
        new("siteArea", "场地面积", FactType.Number, "平方米"),
        new("totalAssets", "资产总额", FactType.Number, "万元"),
        new("enterprisesServedAnnual", "年服务中小企业数", FactType.Number, "家"),
        new("enterprisesServedSeries", "各年度服务企业数", FactType.Series, "家"),
        new("residentSmallMicroSeries", "各年度入驻小微企业数", FactType.Series, "家"),
        new("employeeSeries", "各年度从业人数", FactType.Series, "人"),
        new("innovationOutputSeries", "各年度创新成果数", FactType.Series, "项"),
        new("penalties", "处罚记录（刑事、严重行政处罚等，含日期）", FactType.Penalties, null, "无处罚时填空列表 []，不可省略"),
    ];

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
        new("enterpriseVisits", "年服务企业", FactType.Number, "家次"),
        new("enterprisesServed", "年服务企业数", FactType.Number, "家"),
        new("events", "年组织服务活动", FactType.Number, "次"),
        new("personTimes", "年培训", FactType.Number, "人次"),
        new("exhibitionEvents", "年组织参加展览展销、贸易洽谈等活动", FactType.Number, "次"),
        new("matchmakingEvents", "年组织与龙头企业产品对接、合作交流活动", FactType.Number, "次"),
        new("bankEnterpriseEvents", "年组织银企对接活动", FactType.Number, "次"),
        new("financeLectureEvents", "年组织融资知识讲座", FactType.Number, "次"),
        new("offered", "是否提供该项服务", FactType.Boolean, null),
    ];

    public static readonly IReadOnlyList<FactDefinition> Attestations =
    [
        new("independentLegalPerson", "申报主体具有独立法人资格", FactType.Attestation, null),
        new("registeredInCity", "注册地在本地（由登记机关证明）", FactType.Attestation, null),
        new("recommendedByCounty", "已获得县（市）区、开发（度假）区中小企业主管部门推荐", FactType.Attestation, null),
        new("prefectureRecognition", "获得地（市）级（含）以上部门相关认定、表彰、资助", FactType.Attestation, null),
        new("projectApprovalComplete", "基地建设立项手续完备", FactType.Attestation, null),
        new("noSeriousDishonesty", "无司法、行政机关认定的严重失信行为", FactType.Attestation, null),
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

    public static IEnumerable<FactDefinition> All => ByKey.Values;

    public static string LabelOf(string key) => ByKey.TryGetValue(key, out var d) ? d.Label : key;

    public static string FunctionLabel(string functionId) =>
        Functions.FirstOrDefault(f => f.Id == functionId)?.Label ?? functionId;
}
