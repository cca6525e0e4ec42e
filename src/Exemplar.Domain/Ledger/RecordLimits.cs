namespace Exemplar.Domain.Ledger;

/// <summary>
/// The ranges of every field a base keeps: its own facts, resident enterprises and their yearly figures, service staff,
/// partner agencies and ledger entries. The forms, the imports and the hints of the forms all read them here.
/// </summary>
public static class RecordLimits
{
    /// <summary>The earliest date any record of a base may carry (the first incubators in China opened in 1987).</summary>
    public static readonly DateOnly EarliestRecord = new(1980, 1, 1);

    // The base itself.
    public static readonly TextLimit CarrierName = new("名称", 200);
    public static readonly TextLimit LeadingIndustry = new("每个主导产业", 50);
    public const int MaxLeadingIndustries = 3;
    public static readonly DecimalRange Area = new("场地面积", 0, 10_000_000, "平方米", 2, MinExcluded: true);
    public static readonly DecimalRange PublicServiceArea = new("公共服务区域面积", 0, 10_000_000, "平方米", 2);
    public static readonly DateWindow EstablishedOn = new("基地成立日期", EarliestRecord, 0);
    /// <summary>The day the current operator began operating the base (聊城办法第五条第（一）项 运营管理本基地时间).</summary>
    public static readonly DateWindow OperatorSince = new("现运营单位开始运营本基地的日期", EarliestRecord, 0);
    /// <summary>The operating unit's founding (北京办法第六条第（一）项): it may be far older than any base.</summary>
    public static readonly DateWindow OperatorFoundedOn = new("运营单位成立日期", new DateOnly(1949, 10, 1), 0);

    // Ledger entries.
    public static readonly DateWindow ServiceDate = new("服务日期", new DateOnly(2000, 1, 1), 0);
    public static readonly TextLimit Place = new("服务地点", 200);
    public static readonly WholeRange PersonCount = new("参与人数", 0, 100_000, "人");
    public static readonly TextLimit OtherName = new("其他参与企业的名称", 200);
    public static readonly WholeRange OtherNames = new("其他参与企业", 0, 500, "家");
    public static readonly TextLimit RequestText = new("服务需求", 2000);
    public static readonly TextLimit OutcomeText = new("服务内容与成果", 2000);
    public static readonly TextLimit Feedback = new("企业反馈", 2000);

    // Resident enterprises.
    public static readonly TextLimit EnterpriseName = new("企业名称", 200);
    public static readonly TextLimit Industry = new("所属行业", 100);
    public static readonly TextLimit ContactName = new("联系人", 50);
    public static readonly TextLimit ContactPhone = new("联系电话", 30);
    public static readonly DateWindow EntryDate = new("入驻日期", EarliestRecord, 366);
    public static readonly DateWindow ExitDate = new("迁出日期", EarliestRecord, 3660);
    public const int EarliestFigureYear = 2000;
    public static readonly WholeRange Employees = new("从业人员", 0, 100_000, "人");
    public static readonly DecimalRange RevenueWan = new("营业收入", 0, 10_000_000, "万元", 2);
    public static readonly WholeRange PatentsApplied = new("专利申请", 0, 10_000, "件");
    public static readonly WholeRange PatentsHeld = new("拥有专利", 0, 10_000, "件");
    /// <summary>An enterprise is recognised (1) in a year or not (0).</summary>
    public static readonly WholeRange HighTech = new("高新技术企业认定", 0, 1);
    public static readonly WholeRange TechSme = new("科技型中小企业认定", 0, 1);
    public static readonly WholeRange OtherOutcomes = new("其他创新成果", 0, 10_000, "项");

    /// <summary>A yearly figure's year: from 2000 to the current year (a year that has not begun has no figures).</summary>
    public static string? CheckFigureYear(int year, DateOnly today) =>
        year >= EarliestFigureYear && year <= today.Year ? null : $"年度应在{EarliestFigureYear}年至{today.Year}年之间，{year}年无效。";

    // Service staff.
    public static readonly TextLimit StaffName = new("姓名", 50);
    public static readonly TextLimit Position = new("岗位", 100);
    public static readonly TextLimit MentorCertificate = new("创业导师资格证", 200);
    public static readonly DecimalRange YearsAtBase = new("在基地工作年限", 0, 60, "年", 1);

    // Partner agencies.
    public static readonly TextLimit PartnerName = new("机构名称", 200);
    public static readonly TextLimit Services = new("服务内容", 1000);
    public static readonly DateWindow AgreementFrom = new("协议起始日期", EarliestRecord, 366);
    public const int MaxAgreementYears = 30;

    /// <summary>An agreement cannot end before it starts, nor run longer than <see cref="MaxAgreementYears"/> years.</summary>
    public static string? CheckAgreementEnd(DateOnly from, DateOnly to) =>
        to < from ? $"协议截止日期（{DateWindow.Format(to)}）不能早于起始日期（{DateWindow.Format(from)}）。"
        : to > from.AddYears(MaxAgreementYears) ? $"协议期限不能超过{MaxAgreementYears}年（截止日期最晚为{DateWindow.Format(from.AddYears(MaxAgreementYears))}）。"
        : null;
}
