using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Features.DemoData;

/// <summary>
/// The demo organisations and accounts for Kunming, Liaocheng, Tibet and Beijing (one per role that exists
/// in each region's procedure). Tests use the same directory so they sign in as these people.
/// </summary>
public static class DemoDirectory
{
    public const string Password = "Demo@2026pass";

    public sealed record DemoOrganization(string Key, string Name, OrganizationKind Kind, string JurisdictionCode, string? Uscc);
    public sealed record DemoUser(string UserName, string DisplayName, Role Role, string? OrganizationKey, string? JurisdictionCode);

    public static readonly DemoOrganization[] Organizations =
    [
        new("km-base", "昆明五华创新创业园运营管理有限公司", OrganizationKind.Applicant, "530102", "91530102MA6K000111"),
        new("km-base2", "昆明盘龙众创空间管理有限公司", OrganizationKind.Applicant, "530103", "91530103MA6K00022K"),
        new("km-wuhua", "五华区工业和信息化局", OrganizationKind.Authority, "530102", null),
        new("km-panlong", "盘龙区工业和信息化局", OrganizationKind.Authority, "530103", null),
        new("km-gaoxin", "昆明高新技术产业开发区管理委员会", OrganizationKind.Authority, "530100Z02", null),
        new("km-city", "昆明市工业和信息化局", OrganizationKind.Authority, "530100", null),
        new("km-experts", "昆明市中小企业服务专家库", OrganizationKind.ExpertInstitution, "530100", null),
        new("lc-base", "聊城东昌创业孵化器有限公司", OrganizationKind.Applicant, "371502", "91371502MA3C00031J"),
        new("lc-dongchangfu", "东昌府区工业和信息化局", OrganizationKind.Authority, "371502", null),
        new("lc-kaifaqu", "聊城经济技术开发区经贸发展部", OrganizationKind.Authority, "371500Z01", null),
        new("lc-city", "聊城市工业和信息化局", OrganizationKind.Authority, "371500", null),
        new("lc-experts", "聊城市中小企业服务专家库", OrganizationKind.ExpertInstitution, "371500", null),
        new("xz-base", "拉萨城关创业园运营有限公司", OrganizationKind.Applicant, "540102", "91540102MA6T00041A"),
        new("xz-chengguan", "城关区工业和信息化局", OrganizationKind.Authority, "540102", null),
        new("xz-lasa", "拉萨市工业和信息化局", OrganizationKind.Authority, "540100", null),
        new("xz-region", "西藏自治区工业和信息化厅", OrganizationKind.Authority, "540000", null),
        new("xz-experts", "西藏自治区中小企业服务专家库", OrganizationKind.ExpertInstitution, "540000", null),
        new("bj-base", "北京海淀科创孵化器有限公司", OrganizationKind.Applicant, "110108", "91110108MA0B00051Y"),
        new("bj-haidian", "海淀区科学技术和工业化信息局", OrganizationKind.Authority, "110108", null),
        new("bj-city", "北京市经济和信息化局", OrganizationKind.Authority, "110000", null),
        new("bj-experts", "北京市中小企业服务专家库", OrganizationKind.ExpertInstitution, "110000", null),
    ];

    public static readonly DemoUser[] Users =
    [
        new("km.applicant", "李明（五华创新创业园）", Role.Applicant, "km-base", "530102"),
        new("km.applicant2", "赵静（盘龙众创空间）", Role.Applicant, "km-base2", "530103"),
        new("km.wuhua", "王芳（五华区工信局）", Role.CountyOfficer, "km-wuhua", "530102"),
        new("km.panlong", "张伟（盘龙区工信局）", Role.CountyOfficer, "km-panlong", "530103"),
        new("km.gaoxin", "刘洋（昆明高新区）", Role.ZoneOfficer, "km-gaoxin", "530100Z02"),
        new("km.city", "陈敏（昆明市工信局）", Role.DesignatingOfficer, "km-city", "530100"),
        new("km.expert", "杨帆（评审专家）", Role.Expert, "km-experts", "530100"),
        new("km.expert2", "李娜（评审专家）", Role.Expert, "km-experts", "530100"),
        new("km.expert3", "王强（评审专家）", Role.Expert, "km-experts", "530100"),
        new("km.expert4", "赵丽（评审专家）", Role.Expert, "km-experts", "530100"),
        new("km.expert5", "孙浩（评审专家）", Role.Expert, "km-experts", "530100"),
        new("km.expert6", "周敏（评审专家）", Role.Expert, "km-experts", "530100"),
        new("lc.applicant", "孙磊（东昌创业孵化器）", Role.Applicant, "lc-base", "371502"),
        new("lc.dongchangfu", "周婷（东昌府区工信局）", Role.CountyOfficer, "lc-dongchangfu", "371502"),
        new("lc.kaifaqu", "吴强（聊城开发区）", Role.ZoneOfficer, "lc-kaifaqu", "371500Z01"),
        new("lc.city", "郑华（聊城市工信局）", Role.DesignatingOfficer, "lc-city", "371500"),
        new("lc.expert", "冯雪（评审专家）", Role.Expert, "lc-experts", "371500"),
        new("xz.applicant", "次仁（城关创业园）", Role.Applicant, "xz-base", "540102"),
        new("xz.chengguan", "卓玛（城关区工信局）", Role.CountyOfficer, "xz-chengguan", "540102"),
        new("xz.lasa", "扎西（拉萨市工信局）", Role.PrefectureOfficer, "xz-lasa", "540100"),
        new("xz.region", "格桑（自治区工信厅）", Role.DesignatingOfficer, "xz-region", "540000"),
        new("xz.expert", "多吉（评审专家）", Role.Expert, "xz-experts", "540000"),
        new("bj.applicant", "何静（海淀科创孵化器）", Role.Applicant, "bj-base", "110108"),
        new("bj.haidian", "高远（海淀区）", Role.CountyOfficer, "bj-haidian", "110108"),
        new("bj.city", "林晓（北京市经信局）", Role.DesignatingOfficer, "bj-city", "110000"),
        new("bj.expert", "罗成（评审专家）", Role.Expert, "bj-experts", "110000"),
        new("admin", "系统管理员", Role.Administrator, null, null),
    ];
}
