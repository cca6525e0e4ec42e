using Exemplar.Domain.Workflow;
using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Calls;

/// <summary>
/// A new call's materials list starts from the policy file's <c>materials</c>, each with its citation: an item naming the
/// application report is one the product generates (the applicant uploads it stamped), an item naming the declaration
/// of truthfulness is the declaration. A call whose text names no declaration gets one, since every submission is
/// declared true under the unit's stamp. The officer may change all of it for the year's call.
/// </summary>
public static class CallDefaults
{
    public const string DeclarationText = "对申报材料真实性的声明（承诺书），加盖申报单位公章、法定代表人签字";

    public static List<CallMaterialSlot> Slots(PolicyVersion policy)
    {
        var slots = policy.Materials.Select((m, i) => new CallMaterialSlot
        {
            Order = i + 1,
            Citation = m.Citation,
            Text = m.Text,
            Required = true,
            Generated = m.Text.Contains("申请报告", StringComparison.Ordinal),
            IsDeclaration = m.Text.Contains("声明", StringComparison.Ordinal) || m.Text.Contains("承诺书", StringComparison.Ordinal),
        }).ToList();
        if (!slots.Any(s => s.IsDeclaration))
            slots.Add(new CallMaterialSlot { Order = slots.Count + 1, Text = DeclarationText, Required = true, IsDeclaration = true });
        return slots;
    }

    public static string Title(PolicyVersion policy, int year, ApplicationKind kind = ApplicationKind.New)
    {
        var name = policy.Title.Replace("管理办法", "").Replace("认定", "").Replace("（修订）", "").Replace("建设", "");
        return kind == ApplicationKind.ReReview ? $"关于开展{year}年度{name}期满复核的通知" : $"关于组织申报{year}年度{name}的通知";
    }
}
