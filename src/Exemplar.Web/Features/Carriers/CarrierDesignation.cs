namespace Exemplar.Web.Features.Carriers;

/// <summary>
/// What a carrier is called as to its designation, in one place: every carrier is 未认定 until designations exist;
/// the designation feature replaces this with the designation and its validity.
/// </summary>
public static class CarrierDesignation
{
    public static string Label(Carrier carrier) => "未认定";
}
