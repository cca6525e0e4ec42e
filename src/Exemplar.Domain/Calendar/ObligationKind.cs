namespace Exemplar.Domain.Calendar;

public enum ObligationKind
{
    /// <summary>公示期结束 of a call's public notice.</summary>
    PublicNoticeEnd,
    /// <summary>示范基地上一年度工作总结.</summary>
    AnnualSummary,
    /// <summary>地方主管部门上一年度工作总结和检查情况报告.</summary>
    AnnualReport,
    /// <summary>重大变更事项备案.</summary>
    ChangeFiling,
    /// <summary>期满当年申请复核（再次申报）.</summary>
    ReReview,
    /// <summary>有效期届满.</summary>
    ValidityExpiry,
    /// <summary>管理办法本身到期.</summary>
    PolicyExpiry,
}

/// <summary>Who must act.</summary>
public enum ObligationParty
{
    /// <summary>The demonstration base (示范基地) or its operator.</summary>
    Base,
    /// <summary>The local competent authority (县/地市主管部门).</summary>
    LocalAuthority,
    /// <summary>The designating authority (认定部门).</summary>
    DesignatingAuthority,
}
