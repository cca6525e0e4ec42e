using Exemplar.Domain.Ledger;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Carriers;

/// <summary>
/// The carrier's dates kept apart (issue 10): the base's founding (checked with the other fields), the current operator's
/// start of operating it and the operating unit's own founding, in the windows of <see cref="RecordLimits"/>; the
/// operator cannot operate the base before the base or the operator existed.
/// </summary>
public static class CarrierDates
{
    public static void Check(Problems p, DateOnly? established, DateOnly? operatorSince, DateOnly? operatorFounded, DateOnly today)
    {
        if (operatorFounded is { } founded)
            p.Check("OperatorFoundedOn", RecordLimits.OperatorFoundedOn.Check(founded, today));
        if (operatorSince is { } since)
        {
            var problem = RecordLimits.OperatorSince.Check(since, today, established, RecordLimits.EstablishedOn.Label)
                ?? (operatorFounded is { } f && since < f ? RecordLimits.OperatorSince.Check(since, today, f, RecordLimits.OperatorFoundedOn.Label) : null);
            p.Check("OperatorSince", problem);
        }
    }
}
