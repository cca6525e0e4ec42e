using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Notifications;

/// <summary>Mail server settings (section <c>Exemplar:Mail</c>). Without a host, mail is not sent (and stays queued).</summary>
public sealed class MailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string From { get; set; } = "noreply@exemplar.local";
    public string FromName { get; set; } = "示范基地与示范平台认定管理系统";
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

public interface IEmailSender
{
    bool Configured { get; }
    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}

public interface ISmsGateway
{
    /// <summary>False for a gateway that sends nothing: its messages stay queued and never count as delivered (送达).</summary>
    bool Configured { get; }
    Task SendAsync(string mobile, string text, CancellationToken ct);
}

/// <summary>Plain SMTP: the mail is delivered (送达) when the configured server accepts it.</summary>
public sealed class SmtpEmailSender(IOptions<MailOptions> options) : IEmailSender
{
    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.Host!, o.Port) { EnableSsl = o.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network, Timeout = 30_000 };
        if (!string.IsNullOrEmpty(o.UserName)) client.Credentials = new NetworkCredential(o.UserName, o.Password);
        using var message = new MailMessage(new MailAddress(o.From, o.FromName, Encoding.UTF8), new MailAddress(to))
        {
            Subject = subject, Body = body, SubjectEncoding = Encoding.UTF8, BodyEncoding = Encoding.UTF8, IsBodyHtml = false,
        };
        await client.SendMailAsync(message, ct);
    }
}

/// <summary>
/// The default SMS gateway when no SMS platform is connected: it sends nothing, so the outbox leaves SMS queued and never
/// records a delivery by it. A deployment with a carrier's SMS platform registers its own <see cref="ISmsGateway"/>; the
/// outbox treats a returned call as accepted.
/// </summary>
public sealed class LoggingSmsGateway(ILogger<LoggingSmsGateway> log) : ISmsGateway
{
    public bool Configured => false;

    public Task SendAsync(string mobile, string text, CancellationToken ct)
    {
        log.LogInformation("短信（未接入短信平台，仅记录）：{Mobile} {Text}", Mask(mobile), text);
        return Task.CompletedTask;
    }

    private static string Mask(string mobile) => mobile.Length == 11 ? mobile[..3] + "****" + mobile[7..] : "***";
}
