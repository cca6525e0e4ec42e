using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Carriers;

/// <summary>The fields of the carrier form (shared by create and edit).</summary>
public sealed class CarrierForm
{
    public uint Version { get; set; }
    public string Name { get; set; } = "";
    public CarrierKind Kind { get; set; } = CarrierKind.Base;
    public string JurisdictionCode { get; set; } = "";
    public string LeadingIndustries { get; set; } = "";
    public CarrierPrimaryType PrimaryType { get; set; } = CarrierPrimaryType.ProducerServices;
    public decimal Area { get; set; }
    public decimal PublicServiceArea { get; set; }
    public DateOnly? EstablishedOn { get; set; }
    public string? CarrierType { get; set; }
    public DateOnly? OperatorSince { get; set; }
    public DateOnly? OperatorFoundedOn { get; set; }

    public static CarrierForm From(Carrier c) => new()
    {
        Version = c.Version, Name = c.Name, Kind = c.Kind, JurisdictionCode = c.JurisdictionCode, LeadingIndustries = string.Join("、", c.LeadingIndustries),
        PrimaryType = c.PrimaryType, Area = c.Area, PublicServiceArea = c.PublicServiceArea, EstablishedOn = c.EstablishedOn,
        CarrierType = c.CarrierType, OperatorSince = c.OperatorSince, OperatorFoundedOn = c.OperatorFoundedOn,
    };

    public SaveCarrierCommand ToCommand(Guid organizationId, Guid? id) =>
        new(organizationId, id, Version, Name ?? "", Kind, JurisdictionCode ?? "", LeadingIndustries ?? "", PrimaryType, Area, PublicServiceArea, EstablishedOn,
            string.IsNullOrWhiteSpace(CarrierType) ? null : CarrierType.Trim(), OperatorSince, OperatorFoundedOn);
}
