using Exemplar.Web.Infrastructure.Auditing;

namespace Exemplar.Web.Features.Surveys;

/// <summary>The audit actor of an anonymous survey answer: "入驻企业（问卷）" (the enterprise is in the audited row).</summary>
public sealed class SurveyRespondentActor(string? ipAddress) : IAuditActor
{
    public const string DisplayName = "入驻企业（问卷）";
    public Guid? UserId => null;
    public string Name => DisplayName;
    public string? IpAddress { get; } = ipAddress;
    public string? Operation { get; set; }
}
