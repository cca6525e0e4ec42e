namespace Exemplar.Domain.Calendar;

/// <summary>
/// A later notice that changed a year's arrangement (e.g. 2019 劳动节, the 2020 Spring Festival extension).
/// The year's holidays already hold the amended days; this records where the change came from.
/// </summary>
public sealed record NoticeAmendment(string Title, string? Number, string? Note);
