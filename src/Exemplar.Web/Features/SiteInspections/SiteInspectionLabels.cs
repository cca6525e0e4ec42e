namespace Exemplar.Web.Features.SiteInspections;

public static class SiteInspectionLabels
{
    public static string Of(InspectionConclusion c) => c switch
    {
        InspectionConclusion.Passes => "通过", InspectionConclusion.Fails => "不通过", InspectionConclusion.Rectify => "限期整改", _ => "",
    };

    public static string Of(SiteInspection? x) => x is null ? "未核查"
        : x.Conclusion == InspectionConclusion.Rectify ? $"限期整改（{Infrastructure.ChinaTime.Format(x.RectifyBy!.Value)}前）" : Of(x.Conclusion);
}
