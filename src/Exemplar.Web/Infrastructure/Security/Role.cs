namespace Exemplar.Web.Infrastructure.Security;

/// <summary>Who uses the system (PRODUCT.md "Who uses it"). Anonymous public users have no role.</summary>
public enum Role
{
    Applicant = 1,
    CountyOfficer = 2,
    PrefectureOfficer = 3,
    ZoneOfficer = 4,
    DesignatingOfficer = 5,
    Expert = 6,
    Administrator = 7,
}

public static class RoleNames
{
    public static string Label(Role role) => role switch
    {
        Role.Applicant => "申报单位用户",
        Role.CountyOfficer => "县（市、区）主管部门",
        Role.PrefectureOfficer => "地（市）主管部门",
        Role.ZoneOfficer => "开发区（园区）主管部门",
        Role.DesignatingOfficer => "认定机关",
        Role.Expert => "评审专家",
        Role.Administrator => "系统管理员",
        _ => "未知角色",
    };

    public static readonly Role[] LocalOfficers = [Role.CountyOfficer, Role.PrefectureOfficer, Role.ZoneOfficer];
    public static readonly Role[] Officers = [.. LocalOfficers, Role.DesignatingOfficer];
}

/// <summary>Authorization policy names; each is registered in <see cref="SecuritySetup"/>.</summary>
public static class AuthPolicies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Applicant = nameof(Applicant);
    /// <summary>Any officer: county, prefecture, zone or designating authority.</summary>
    public const string Officer = nameof(Officer);
    public const string Designating = nameof(Designating);
    public const string Expert = nameof(Expert);
    public const string Administrator = nameof(Administrator);
}
