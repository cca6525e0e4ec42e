namespace Exemplar.Domain.Ledger;

/// <summary>
/// The service functions the seeds name: the eight base functions (西藏办法第八条, 聊城办法第七条, 昆明办法第七条,
/// 北京办法第七条 which adds 产业链服务) and the five platform functions (西藏示范平台 二（二）). Functions that
/// the documents share (信息服务, 人员培训/培训服务, 投融资服务/融资服务) are one value, so a ledger serves both.
/// </summary>
public enum ServiceFunction
{
    InformationService = 1,
    EntrepreneurshipCoaching = 2,
    InnovationSupport = 3,
    Training = 4,
    Marketing = 5,
    Financing = 6,
    ManagementConsulting = 7,
    ProfessionalServices = 8,
    IndustryChainService = 9,
    TechnicalService = 10,
    StartupService = 11,
}

public static class ServiceFunctions
{
    public static readonly IReadOnlyList<ServiceFunction> All = Enum.GetValues<ServiceFunction>();

    /// <summary>The eight of the base documents (and Beijing's 产业链服务).</summary>
    public static readonly IReadOnlyList<ServiceFunction> Base =
    [
        ServiceFunction.InformationService, ServiceFunction.EntrepreneurshipCoaching, ServiceFunction.InnovationSupport,
        ServiceFunction.Training, ServiceFunction.Marketing, ServiceFunction.Financing,
        ServiceFunction.ManagementConsulting, ServiceFunction.ProfessionalServices, ServiceFunction.IndustryChainService,
    ];

    /// <summary>The five of the Tibet platform call (信息服务、技术服务、创业服务、培训服务、融资服务).</summary>
    public static readonly IReadOnlyList<ServiceFunction> Platform =
    [
        ServiceFunction.InformationService, ServiceFunction.TechnicalService, ServiceFunction.StartupService,
        ServiceFunction.Training, ServiceFunction.Financing,
    ];

    public static string Label(ServiceFunction f) => f switch
    {
        ServiceFunction.InformationService => "信息服务",
        ServiceFunction.EntrepreneurshipCoaching => "创业辅导",
        ServiceFunction.InnovationSupport => "创新支持",
        ServiceFunction.Training => "人员培训",
        ServiceFunction.Marketing => "市场营销",
        ServiceFunction.Financing => "投融资服务",
        ServiceFunction.ManagementConsulting => "管理咨询",
        ServiceFunction.ProfessionalServices => "专业服务",
        ServiceFunction.IndustryChainService => "产业链服务",
        ServiceFunction.TechnicalService => "技术服务",
        ServiceFunction.StartupService => "创业服务",
        _ => f.ToString(),
    };

    /// <summary>The function id used by <c>FactCatalogue</c> and the policy files.</summary>
    public static string CatalogueId(ServiceFunction f) => f switch
    {
        ServiceFunction.InformationService => "informationService",
        ServiceFunction.EntrepreneurshipCoaching => "entrepreneurshipCoaching",
        ServiceFunction.InnovationSupport => "innovationSupport",
        ServiceFunction.Training => "training",
        ServiceFunction.Marketing => "marketing",
        ServiceFunction.Financing => "financing",
        ServiceFunction.ManagementConsulting => "managementConsulting",
        ServiceFunction.ProfessionalServices => "professionalServices",
        ServiceFunction.IndustryChainService => "industryChainService",
        ServiceFunction.TechnicalService => "technicalService",
        ServiceFunction.StartupService => "startupService",
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    /// <summary>Parses a Chinese label (also 培训服务/融资服务/专业咨询/创业辅导服务 …) or a catalogue id.</summary>
    public static bool TryParse(string? text, out ServiceFunction function)
    {
        var t = (text ?? "").Trim();
        foreach (var f in All)
        {
            if (t == Label(f) || t == CatalogueId(f) || t == Label(f) + "服务") { function = f; return true; }
        }
        function = t switch
        {
            "培训服务" or "人员培训服务" => ServiceFunction.Training,
            "融资服务" => ServiceFunction.Financing,
            "专业咨询" => ServiceFunction.ProfessionalServices,
            "创新支持服务" => ServiceFunction.InnovationSupport,
            "市场营销服务" => ServiceFunction.Marketing,
            _ => 0,
        };
        return function != 0;
    }
}
