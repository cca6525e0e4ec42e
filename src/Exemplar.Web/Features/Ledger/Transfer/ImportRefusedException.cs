namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>The whole file is refused (size, type, encoding, package checks); the message is for the person.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);
