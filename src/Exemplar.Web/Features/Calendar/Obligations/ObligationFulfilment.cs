using Exemplar.Domain.Calendar;

namespace Exemplar.Web.Features.Calendar.Obligations;

/// <summary>An obligation someone has met: its subject (designation-{id:N}), kind and discriminator (the event day, the year …).</summary>
public sealed record FulfilledObligation(string SubjectKey, ObligationKind Kind, string Discriminator)
{
    /// <summary>Obligation keys end in subject/kind/discriminator (<see cref="ObligationDeriver"/>).</summary>
    public string KeySuffix => $"/{SubjectKey}/{Kind}/{Discriminator}";
}

/// <summary>
/// A feature that records what obligations were met (a filed change, a submitted summary …); the catalog leaves those
/// out, so neither the workbench nor the reminders ask for them again.
/// </summary>
public interface IObligationFulfilment
{
    Task<IReadOnlyList<FulfilledObligation>> FulfilledAsync(CancellationToken ct);
}
