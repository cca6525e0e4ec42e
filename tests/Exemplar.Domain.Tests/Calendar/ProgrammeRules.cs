using Exemplar.Domain.Calendar;
using static Exemplar.Domain.Tests.Calendar.ShippedCalendar;

namespace Exemplar.Domain.Tests.Calendar;

/// <summary>The seed programmes' deadlines as rule sets (the policy files will supply these).</summary>
internal static class ProgrammeRules
{
    public static readonly ObligationRules TibetBase = new("xizang-base",
        PublicNotice: new(15, "《西藏自治区小型微型企业创业创新示范基地建设管理办法》第十三条"),
        AnnualSummary: new(AnnualDeadline.EndOf(1), "《西藏自治区小型微型企业创业创新示范基地建设管理办法》第十六条"),
        AnnualReport: new(AnnualDeadline.EndOf(2), "《西藏自治区小型微型企业创业创新示范基地建设管理办法》第十八条"),
        Validity: new(3, "《西藏自治区小型微型企业创业创新示范基地建设管理办法》第十六条"));

    public static readonly ObligationRules TibetPlatform = new("xizang-platform",
        PublicNotice: new(7, "西藏自治区中小企业公共服务示范平台申报程序（三）"));

    public static readonly ObligationRules Liaocheng = new("liaocheng-base",
        AnnualSummary: new(AnnualDeadline.On(1, 10), "《聊城市小型微型企业创业创新示范基地建设管理办法》第十四条"),
        AnnualReport: new(AnnualDeadline.On(1, 20), "《聊城市小型微型企业创业创新示范基地建设管理办法》第十五条"),
        ChangeFiling: new(10, "《聊城市小型微型企业创业创新示范基地建设管理办法》第十五条"),
        Validity: new(5, "《聊城市小型微型企业创业创新示范基地建设管理办法》第十六条"),
        ReReviewInExpiryYear: new("《聊城市小型微型企业创业创新示范基地建设管理办法》第十六条"),
        PolicyExpiry: new(D(2026, 12, 3), 60, "《聊城市小型微型企业创业创新示范基地建设管理办法》第二十条"));

    public static readonly ObligationRules Beijing = new("beijing-base",
        ChangeFiling: new(30, "《北京市小型微型企业创业创新示范基地管理办法》第十七条"));

    public static readonly ObligationRules Kunming = new("kunming-base",
        PublicNotice: new(10, "《昆明市小型微型企业创业创新示范基地认定管理办法（修订）》第十三条"),
        AnnualSummary: new(AnnualDeadline.EndOf(1), "《昆明市小型微型企业创业创新示范基地认定管理办法（修订）》第十六条"),
        AnnualReport: new(AnnualDeadline.EndOf(2), "《昆明市小型微型企业创业创新示范基地认定管理办法（修订）》第十六条"),
        ChangeFiling: new(10, "《昆明市小型微型企业创业创新示范基地认定管理办法（修订）》第十九条"),
        Validity: new(3, "《昆明市小型微型企业创业创新示范基地认定管理办法（修订）》第十五条"));
}
