namespace Exemplar.Web.Features.Applications;

/// <summary>
/// The application report's narrative (昆明附件1 五（一）–（六）, which also covers what the Tibet and Liaocheng reports
/// must describe): each section's key, heading and what it asks for, as the seed words it.
/// </summary>
public static class NarrativeSections
{
    public sealed record Section(string Key, string Number, string Heading, string Asks, int MaxLength);

    public static readonly IReadOnlyList<Section> All =
    [
        new("basic", "（一）", "基地的基本情况", "基地历史沿革、经营范围、主导产业、商业模式、基础设施配置、服务团队及创业导师等情况，及产业布局生态化、公共服务平台化、运营管理数字化等方面创新点和示范作用。", 10_000),
        new("residents", "（二）", "入驻企业和创业团队情况", "入驻基地的企业及创业创新团队的情况，包括入驻企业和项目总体数量、行业分布、发展情况等。", 10_000),
        new("operations", "（三）", "基地运营管理情况", "组织结构、管理制度、服务流程和标准、服务质量监督保证措施，签约服务机构介绍；产业集聚、创新链和产业链布局、带动入驻企业创业创新成效，其他特色和优势；典型服务案例。", 10_000),
        new("services", "（四）", "服务小微企业情况", "提供服务的种类、内容和服务成果，以及开展相关服务活动场次、规模和成效。", 10_000),
        new("other", "（五）", "其他需要说明的事项", "特色服务情况、获得政府支持、资质认定、荣誉嘉奖等。", 5_000),
        new("plan", "（六）", "下一步发展计划、目标", "基地的发展规划、近中期目标，及实现计划、目标开展的服务能力提升措施。", 5_000),
    ];

    public static Section? Find(string key) => All.FirstOrDefault(s => s.Key == key);
}
