namespace Exemplar.Domain.Calendar;

/// <summary>
/// A date produced by working-day arithmetic. <see cref="IsProvisional"/> is true if any day inspected on the
/// way lies where no notice decides it yet, so the date may move once that year's notice is entered.
/// </summary>
public readonly record struct ComputedDate(DateOnly Date, bool IsProvisional)
{
    public override string ToString() =>
        Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (IsProvisional ? "（暂定）" : string.Empty);
}
