namespace Exemplar.Web.Features.Calendar.Obligations;

/// <summary>
/// A feature that records the filing of some obligation kind (年度工作总结, 检查情况报告 …) tells the catalog which
/// obligations are done: obligation key (as <see cref="Exemplar.Domain.Calendar.ObligationDeriver"/> makes it) → the
/// day it was filed. Registered in DI; the catalog merges every implementation.
/// </summary>
public interface IObligationFilings
{
    Task<IReadOnlyDictionary<string, DateOnly>> FiledAsync(CancellationToken ct);
}
