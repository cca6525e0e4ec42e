using Exemplar.Domain.Ledger;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Carriers;

/// <summary>
/// The carrier's three dates kept apart (issue 10): the base's founding, the current operator's start of operating it,
/// and the operating unit's own founding. Each must have happened (1949-10-01 to today); the operator cannot operate
/// the base before the base or the operator existed.
/// </summary>
public static class CarrierDates
{
    public static readonly DateOnly Earliest = new(1949, 10, 1);

    public static void Check(Problems p, DateOnly? established, DateOnly? operatorSince, DateOnly? operatorFounded, DateOnly today)
    {
        void Window(string field, string label, DateOnly? date)
        {
            if (date is { } d && (d < Earliest || d > today))
                p.Add(field, $"{label}应在{ChinaTime.Format(Earliest)}至今天（{ChinaTime.Format(today)}）之间。");
        }

        Window("EstablishedOn", "基地成立日期", established);
        Window("OperatorSince", "现运营单位开始运营本基地的日期", operatorSince);
        Window("OperatorFoundedOn", "运营单位成立日期", operatorFounded);
        if (operatorSince is { } since && established is { } e && since < e)
            p.Add("OperatorSince", "现运营单位开始运营本基地的日期不能早于基地成立日期。");
        if (operatorSince is { } s && operatorFounded is { } f && s < f)
            p.Add("OperatorSince", "现运营单位开始运营本基地的日期不能早于运营单位成立日期。");
    }

    public static Exemplar.Domain.Policies.CarrierKind PolicyKind(CarrierKind kind) =>
        kind == CarrierKind.Platform ? Exemplar.Domain.Policies.CarrierKind.Platform : Exemplar.Domain.Policies.CarrierKind.Base;
}
