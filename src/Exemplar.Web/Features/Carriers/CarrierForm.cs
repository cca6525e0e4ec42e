using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Carriers;

/// <summary>The fields of the carrier form (shared by create and edit).</summary>
public sealed class CarrierForm
{
    [Display(Name = "版本")] public uint Version { get; set; }
    [Display(Name = "名称")] public string Name { get; set; } = "";
    [Display(Name = "类型")] public CarrierKind Kind { get; set; } = CarrierKind.Base;
    [Display(Name = "所在行政区划")] public string JurisdictionCode { get; set; } = "";
    [Display(Name = "主导产业")] public string LeadingIndustries { get; set; } = "";
    [Display(Name = "产业类型")] public CarrierPrimaryType PrimaryType { get; set; } = CarrierPrimaryType.ProducerServices;
    [Display(Name = "场地面积")] public decimal Area { get; set; }
    [Display(Name = "公共服务区域面积")] public decimal PublicServiceArea { get; set; }
    [Display(Name = "基地成立日期")] public DateOnly? EstablishedOn { get; set; }
    [Display(Name = "载体类型")] public string? CarrierType { get; set; }
    [Display(Name = "现运营单位开始运营本基地的日期")] public DateOnly? OperatorSince { get; set; }
    [Display(Name = "运营单位成立日期")] public DateOnly? OperatorFoundedOn { get; set; }

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
