namespace Exemplar.Web.Infrastructure.Auditing;

/// <summary>Marks technical tables whose rows are not business state (audit rows, Data Protection keys).</summary>
public interface INotAudited;
