using System.Text.RegularExpressions;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Jurisdictions;

public sealed record AddJurisdictionCommand(string Code, string Name, string ParentCode, JurisdictionKind Kind);

/// <summary>Administrators extend the tree: a new division (GB/T 2260 code) or a development zone.</summary>
public sealed partial class AddJurisdictionHandler(ExemplarDbContext db, JurisdictionTreeCache trees, TimeProvider clock)
{
    public async Task<List<string>> HandleAsync(AddJurisdictionCommand c, CancellationToken ct)
    {
        var errors = new List<string>();
        var code = (c.Code ?? "").Trim().ToUpperInvariant();
        var name = (c.Name ?? "").Trim();
        var tree = await trees.GetAsync(ct);
        var parent = tree.Find(c.ParentCode);
        if (parent is null) errors.Add("请选择上级区划。");
        if (name.Length is < 2 or > 100) errors.Add("名称应为2至100个字。");
        if (c.Kind == JurisdictionKind.DevelopmentZone)
        {
            if (!ZoneCode().IsMatch(code)) errors.Add("开发区代码格式应为“上级6位代码+Z+两位序号”，例如 530100Z04。");
            else if (parent is not null && !code.StartsWith(parent.Code, StringComparison.Ordinal))
                errors.Add($"开发区代码应以上级区划代码 {parent.Code} 开头。");
        }
        else
        {
            if (!DivisionCode().IsMatch(code)) errors.Add("行政区划代码应为6位数字（GB/T 2260）。");
            else if (parent is not null && (int)c.Kind != (int)parent.Kind + 1 && !(parent.Kind == JurisdictionKind.Province && c.Kind == JurisdictionKind.County))
                errors.Add("区划层级与上级不符。");
            else if (parent is not null && !SameBranch(code, parent))
                errors.Add($"代码 {code} 不属于上级 {parent.Name}（{parent.Code}）。");
        }
        if (c.Kind == JurisdictionKind.Province) errors.Add("不能在此新增省级区划。");
        if (tree.Find(code) is not null) errors.Add($"代码 {code} 已存在。");
        if (tree.All.Any(j => j.ParentCode == parent?.Code && j.Name == name)) errors.Add($"{parent!.Name}下已有“{name}”。");
        if (errors.Count > 0) return errors;

        db.Actor.Operation = "行政区划.新增";
        db.Add(new Jurisdiction
        {
            Code = code, Name = name, ParentCode = parent!.Code, Kind = c.Kind, Path = parent.Path + code + "/",
            IsBuiltIn = false, CreatedAt = clock.GetUtcNow(),
        });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return [$"代码 {code} 刚刚已被添加。"]; }
        trees.Invalidate();
        return errors;
    }

    private static bool SameBranch(string code, Jurisdiction parent) => parent.Kind switch
    {
        JurisdictionKind.Province => code[..2] == parent.Code[..2],
        JurisdictionKind.Prefecture => code[..4] == parent.Code[..4],
        _ => false,
    };

    [GeneratedRegex(@"^\d{6}$")] private static partial Regex DivisionCode();
    [GeneratedRegex(@"^\d{6}Z\d{2}$")] private static partial Regex ZoneCode();
}
