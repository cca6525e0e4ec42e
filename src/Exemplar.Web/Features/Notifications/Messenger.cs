using Exemplar.Web.Infrastructure.Data;

namespace Exemplar.Web.Features.Notifications;

/// <summary>Who a notice goes to: users of the product (in-app) and addresses outside it.</summary>
public sealed record NoticeRecipients(IReadOnlyCollection<Guid> UserIds, IReadOnlyCollection<string> Emails, IReadOnlyCollection<string> Mobiles);

/// <summary>
/// Queues a notice in the caller's unit of work, so the decision and its notice are saved together or not at all:
/// an in-app notification per user, and one mail or SMS per address for <see cref="OutboxJob"/> to send.
/// </summary>
public sealed class Messenger(ExemplarDbContext db, TimeProvider clock)
{
    public Notice Queue(string reference, string title, string body, NoticeRecipients to)
    {
        var now = clock.GetUtcNow();
        var notice = new Notice { Ref = reference, Title = Cap(title, 300), Body = Cap(body, 4000), CreatedAt = now };
        db.Add(notice);
        foreach (var user in to.UserIds.Distinct())
            db.Add(new Notification { UserId = user, Title = notice.Title, Body = Cap(body, 2000), NoticeId = notice.Id, CreatedAt = now });
        foreach (var email in to.Emails.Where(e => !string.IsNullOrWhiteSpace(e)).Distinct())
            db.Add(new OutboundMessage { NoticeId = notice.Id, Channel = MessageChannel.Email, Recipient = email.Trim(), Subject = notice.Title, Body = notice.Body, CreatedAt = now, NextAttemptAt = now });
        foreach (var mobile in to.Mobiles.Where(m => !string.IsNullOrWhiteSpace(m)).Distinct())
            db.Add(new OutboundMessage { NoticeId = notice.Id, Channel = MessageChannel.Sms, Recipient = mobile.Trim(), Subject = notice.Title, Body = Cap($"【示范基地认定系统】{notice.Title}。请登录系统查看。", 300), CreatedAt = now, NextAttemptAt = now });
        return notice;
    }

    private static string Cap(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
