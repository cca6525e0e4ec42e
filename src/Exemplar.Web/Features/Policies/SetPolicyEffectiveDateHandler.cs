using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Policies;

public sealed record SetPolicyEffectiveDateCommand(string PolicyId, DateOnly? EffectiveFrom, string SetBy);

/// <summary>An administrator sets the date a programme's text does not state (Beijing). Audited.</summary>
public sealed class SetPolicyEffectiveDateHandler(ExemplarDbContext db, PolicyCatalogue catalogue, TimeProvider clock)
{
    public async Task<List<string>> HandleAsync(SetPolicyEffectiveDateCommand c, CancellationToken ct)
    {
        var policy = await catalogue.FindAsync(c.PolicyId, ct);
        if (policy is null)
        {
            return ["请选择政策。"];
        }

        if (!policy.DateIsAdministered)
        {
            return [$"《{policy.Policy.Title}》文本已载明施行日期，不能另行设定。"];
        }

        if (c.EffectiveFrom is not { } date)
        {
            return ["请填写施行日期。"];
        }

        if (date.Year is < 2000 or > 2100)
        {
            return ["施行日期应在2000年至2100年之间。"];
        }

        var setting = await db.Set<PolicySetting>().FirstOrDefaultAsync(s => s.PolicyId == c.PolicyId, ct);
        if (setting is null)
        {
            setting = new PolicySetting { PolicyId = c.PolicyId, SetBy = c.SetBy };
            db.Add(setting);
        }

        setting.EffectiveFrom = date;
        setting.SetBy = c.SetBy;
        setting.SetAt = clock.GetUtcNow();
        db.Actor.Operation = "政策.设定施行日期";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ["该政策的施行日期刚刚已被他人修改，请刷新后重试。"];
        }
        finally
        {
            catalogue.Invalidate();
        }

        return [];
    }
}
