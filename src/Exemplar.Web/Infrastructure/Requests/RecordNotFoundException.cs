namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>
/// A handler was given the id of a record that does not exist or lies outside the user's scope. Answered 404 (never
/// 403, which would confirm the record exists elsewhere, and never 500).
/// </summary>
public sealed class RecordNotFoundException(string message) : Exception(message);
