namespace Exemplar.Domain.Workflow;

/// <summary>受理编号: the call's prefix, its year and the order of first submission within the call (KM-2026-0007).</summary>
public static class ReceiptNumber
{
    public static string Format(string prefix, int year, int sequence) => $"{prefix}-{year}-{sequence:D4}";

    /// <summary>2–6 capital letters: the prefix officials read on every receipt.</summary>
    public static bool IsValidPrefix(string? prefix) =>
        prefix is { Length: >= 2 and <= 6 } && prefix.All(c => c is >= 'A' and <= 'Z');
}
