using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Infrastructure.Forms;

/// <summary>Outcome of a save: the record's id, or field → Chinese messages.</summary>
public sealed record SaveResult(Guid? Id, IReadOnlyDictionary<string, List<string>> Errors)
{
    public bool Ok => Id is not null;
    public static SaveResult Saved(Guid id) => new(id, new Dictionary<string, List<string>>());

    /// <summary>The record does not exist or is outside the user's scope: pages answer 404, APIs a 404 problem.</summary>
    public static readonly SaveResult NotFound = new(null, new Dictionary<string, List<string>> { [NotFoundKey] = ["未找到该记录。"] });

    public const string NotFoundKey = "$notFound";

    public bool IsNotFound => Errors.ContainsKey(NotFoundKey);
}

public sealed class Problems
{
    private readonly Dictionary<string, List<string>> _errors = [];
    public bool Any => _errors.Count > 0;
    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }
    public void Required(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"请填写{label}。");
    }
    public void MaxLength(string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max) Add(field, $"{label}不能超过{max}个字。");
    }
    /// <summary>Adds the problem a range check reported (see <c>Exemplar.Domain.Ledger.RecordLimits</c>), if any.</summary>
    public void Check(string field, string? problem)
    {
        if (problem is not null) Add(field, problem);
    }
    public SaveResult Result() => new(null, _errors);

    public const string ConcurrencyMessage = "保存失败：该记录已被他人修改或删除。请刷新页面查看最新内容后再修改。";

    /// <summary>Saves, turning a lost optimistic-concurrency race into a Chinese message.</summary>
    public static async Task<SaveResult> SaveAsync(DbContext db, Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            var p = new Problems();
            p.Add("", ConcurrencyMessage);
            return p.Result();
        }
    }
}
