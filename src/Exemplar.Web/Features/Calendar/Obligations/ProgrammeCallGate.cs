using Exemplar.Domain.Calendar;
using Exemplar.Domain.Policies;
using Exemplar.Web.Infrastructure;

namespace Exemplar.Web.Features.Calendar.Obligations;

public sealed record CallGateDecision(bool AcceptsNewCall, string Reason);

/// <summary>
/// Whether a programme may open a new call (申报批次) on a date: some version of its text must be in force.
/// After Liaocheng's text lapses on 2026-12-03 no new call is accepted until a successor version is entered.
/// The calls feature asks this before opening a call.
/// </summary>
public sealed class ProgrammeCallGate(ProgrammePolicies policies, TimeProvider clock)
{
    public CallGateDecision CheckToday(string programmeId) => Check(programmeId, ChinaTime.Today(clock));

    public CallGateDecision Check(string programmeId, DateOnly date) => Decide(policies.VersionsOf(programmeId), date);

    public static CallGateDecision Decide(IReadOnlyList<PolicyVersion> versions, DateOnly date)
    {
        if (versions.Count == 0) return new(false, "未找到该项目的管理办法。");
        var dated = versions.Where(v => v.EffectiveFrom is not null).ToList();
        var inForce = dated.FirstOrDefault(v => v.IsInForceOn(date) == true);
        if (inForce is not null)
            return new(true, $"《{inForce.Title}》（{inForce.Version}）现行有效。");
        if (dated.Count < versions.Count)
            return new(true, "办法未载明施行日期（由管理员设定），不限制申报批次。");
        var windows = dated.Select(v => new PolicyWindow(v.EffectiveFrom!.Value, v.EffectiveTo)).ToList();
        if (windows.All(w => date < w.EffectiveFrom))
            return new(false, $"《{dated[0].Title}》自{ChinaTime.Format(windows.Min(w => w.EffectiveFrom))}起施行，此前不受理申报。");
        var last = dated.Where(v => v.EffectiveTo is not null && v.EffectiveTo < date).OrderByDescending(v => v.EffectiveTo).First();
        return new(false, $"《{last.Title}》已于{ChinaTime.Format(last.EffectiveTo!.Value)}失效，在新版本录入前不受理新的申报批次。");
    }
}
