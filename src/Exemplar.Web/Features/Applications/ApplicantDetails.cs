using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// The applicant unit's details that the application form asks for and no record of the product holds
/// (昆明附件1 申请表 一、三、四): nature, legal representative, registration, contacts, revenue, support received.
/// </summary>
public sealed record ApplicantDetails
{
    public string UnitNature { get; init; } = "";
    public string LegalRepresentative { get; init; } = "";
    public DateOnly? RegisteredOn { get; init; }
    public string RegisteredAddress { get; init; } = "";
    public string ContactName { get; init; } = "";
    public string ContactMobile { get; init; } = "";
    public string ContactEmail { get; init; } = "";
    /// <summary>网址及备案号.</summary>
    public string Website { get; init; } = "";
    /// <summary>主要基础设施.</summary>
    public string Infrastructure { get; init; } = "";
    /// <summary>获得专业资质情况.</summary>
    public string Qualifications { get; init; } = "";
    /// <summary>上一年度营业收入（万元）.</summary>
    public decimal? PreviousYearRevenueWan { get; init; }
    /// <summary>减免小微企业各类服务费用（万元）.</summary>
    public decimal? FeesWaivedWan { get; init; }
    /// <summary>得到政府扶持的情况.</summary>
    public string GovernmentSupport { get; init; } = "";
    /// <summary>各级政府或省级行业协会授予称号、荣誉.</summary>
    public string Honours { get; init; } = "";

    public const decimal MaxWan = 10_000_000m; // 1,000亿元: above any base's annual figure

    public Problems Validate(DateOnly today)
    {
        var p = new Problems();
        p.Required(nameof(UnitNature), UnitNature, "单位性质");
        p.MaxLength(nameof(UnitNature), UnitNature, 50, "单位性质");
        p.Required(nameof(LegalRepresentative), LegalRepresentative, "法定代表人");
        p.MaxLength(nameof(LegalRepresentative), LegalRepresentative, 50, "法定代表人");
        if (RegisteredOn is null) p.Add(nameof(RegisteredOn), "请填写注册日期。");
        else if (RegisteredOn < new DateOnly(1949, 10, 1) || RegisteredOn > today)
            p.Add(nameof(RegisteredOn), $"注册日期应在1949年10月1日至今天（{today.Year}年{today.Month}月{today.Day}日）之间。");
        p.Required(nameof(RegisteredAddress), RegisteredAddress, "注册地址");
        p.MaxLength(nameof(RegisteredAddress), RegisteredAddress, 200, "注册地址");
        p.Required(nameof(ContactName), ContactName, "联系人");
        p.MaxLength(nameof(ContactName), ContactName, 50, "联系人");
        if (!IsMobile(ContactMobile)) p.Add(nameof(ContactMobile), "联系电话（手机）应为11位手机号码，以1开头。");
        if (ContactEmail.Length > 0 && !IsEmail(ContactEmail)) p.Add(nameof(ContactEmail), "邮箱格式不正确，例如 name@example.cn。");
        p.MaxLength(nameof(ContactEmail), ContactEmail, 100, "邮箱");
        p.MaxLength(nameof(Website), Website, 200, "网址及备案号");
        p.MaxLength(nameof(Infrastructure), Infrastructure, 1000, "主要基础设施");
        p.MaxLength(nameof(Qualifications), Qualifications, 1000, "获得专业资质情况");
        p.MaxLength(nameof(GovernmentSupport), GovernmentSupport, 2000, "得到政府扶持的情况");
        p.MaxLength(nameof(Honours), Honours, 2000, "授予称号、荣誉");
        Money(p, nameof(PreviousYearRevenueWan), PreviousYearRevenueWan, "上一年度营业收入");
        Money(p, nameof(FeesWaivedWan), FeesWaivedWan, "减免小微企业各类服务费用");
        return p;
    }

    private static void Money(Problems p, string field, decimal? value, string label)
    {
        if (value is < 0 or > MaxWan) p.Add(field, $"{label}应在0至{MaxWan:0}万元之间。");
        else if (value is { } v && decimal.Round(v, 2) != v) p.Add(field, $"{label}最多保留两位小数（万元）。");
    }

    public static bool IsMobile(string? s) => s is { Length: 11 } && s[0] == '1' && s.All(char.IsAsciiDigit);

    public static bool IsEmail(string s) =>
        s.Count(c => c == '@') == 1 && s.IndexOf('@') > 0 && s.IndexOf('.', s.IndexOf('@')) > s.IndexOf('@') + 1 && !s.EndsWith('.') && !s.Any(char.IsWhiteSpace);
}
