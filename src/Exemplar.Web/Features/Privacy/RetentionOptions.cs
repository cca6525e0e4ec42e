namespace Exemplar.Web.Features.Privacy;

/// <summary>
/// How long personal information is kept (section <c>Exemplar:Retention</c>, README "Personal information"). When a
/// period ends the purge job clears the personal fields and keeps the rest of the record (counts, decisions, dates).
/// </summary>
public sealed class RetentionOptions
{
    public bool Enabled { get; set; } = true;
    public int IntervalMinutes { get; set; } = 24 * 60;
    public int InitialDelaySeconds { get; set; } = 300;

    /// <summary>Comments in satisfaction surveys and in the authorities' sample answers, from the answer's date.</summary>
    public int SurveyAnswerYears { get; set; } = 3;
    /// <summary>Applications' personal data (contacts, ID documents), from the end of the call; used by the applications area's purge.</summary>
    public int ApplicationYears { get; set; } = 10;
    /// <summary>Objections to public notices (the objector's name and contact), from the decision; used by the notices area's purge.</summary>
    public int ObjectionYears { get; set; } = 3;
    /// <summary>Contests of registered codes (the claimant's contact), from the decision.</summary>
    public int ContestYears { get; set; } = 3;
    /// <summary>Contacts of registrations not confirmed or revoked, from the decision.</summary>
    public int RefusedRegistrationYears { get; set; } = 3;
    /// <summary>Ended sessions (with their address and browser), from the end.</summary>
    public int EndedSessionDays { get; set; } = 180;
}

/// <summary>One kind of personal data with a retention period. Each area that keeps such data registers one.</summary>
public interface IPersonalDataPurge
{
    /// <summary>Chinese name for the audit summary, e.g. "问卷意见".</summary>
    string Name { get; }

    /// <summary>Clears what has expired at <paramref name="now"/> through the context (audited by the caller's save); returns the number of records.</summary>
    Task<int> PurgeAsync(Infrastructure.Data.ExemplarDbContext db, DateTimeOffset now, RetentionOptions retention, CancellationToken ct);
}
