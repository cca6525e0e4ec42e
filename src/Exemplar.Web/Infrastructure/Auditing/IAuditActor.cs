using System.Security.Claims;
using Exemplar.Web.Infrastructure.Security;

namespace Exemplar.Web.Infrastructure.Auditing;

/// <summary>Who is changing state right now, and under which use case. Scoped per request or job.</summary>
public interface IAuditActor
{
    Guid? UserId { get; }
    string Name { get; }
    string? IpAddress { get; }
    /// <summary>Set by a handler before saving, e.g. "账户.修改密码"; recorded on every audit row it causes.</summary>
    string? Operation { get; set; }
}

public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public Guid? UserId => User?.UserId();
    public string Name => User?.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.Name) ?? "?" : "匿名";
    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
    public string? Operation { get; set; }
}

/// <summary>For start-up seeding and background jobs.</summary>
public sealed class SystemAuditActor(string name = "系统") : IAuditActor
{
    public Guid? UserId => null;
    public string Name { get; } = name;
    public string? IpAddress => null;
    public string? Operation { get; set; }
}
