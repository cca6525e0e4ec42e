namespace Exemplar.Web.Infrastructure.Security;

/// <summary>
/// Marks an entity property that holds personal information (a contact's name or phone, free text a person wrote).
/// The audit trail records only a fingerprint of such values (so what changed stays provable, but a purge of the record
/// leaves nothing readable behind), and the purge job clears them when their retention period ends.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute;

/// <summary>
/// A page that opens a record holding personal information: each successful GET is logged (who, when, which record)
/// by <see cref="PersonalDataReadFilter"/>. <see cref="RouteValue"/> names the record's id in the route.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReadsPersonalDataAttribute(string recordType, string routeValue, string what) : Attribute
{
    public string RecordType { get; } = recordType;
    public string RouteValue { get; } = routeValue;
    public string What { get; } = what;
}
