namespace Exemplar.Domain.Policies;

/// <summary>How a fact's source reads to a person: profiles name sources with short codes ("form", "ledger").</summary>
public static class FactSourceLabel
{
    public static string ToChinese(string? source) => source switch
    {
        null or "" => "—",
        "form" or ProfileJson.DefaultSource => "申报表填写",
        "ledger" or "台账" => "服务台账",
        "hand-entered" or "手工填报" => "手工填报",
        _ => source,
    };
}
