using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Tests.Features.Applications;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Notifications;

/// <summary>The app with its mail server setting pointed at a minimal SMTP server on the loopback interface.</summary>
public sealed class MailSinkFactory : ExemplarFactory
{
    public SmtpSink Sink { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Exemplar:Mail:Host", "127.0.0.1");
        builder.UseSetting("Exemplar:Mail:Port", Sink.Port.ToString());
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Sink.Start();
    }
}

/// <summary>Accepts mail like a real server (220/250/354) and keeps each message's DATA as text.</summary>
public sealed class SmtpSink
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    public ConcurrentQueue<string> Messages { get; } = new();

    public SmtpSink() => listener.Start();

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public void Start() => _ = Task.Run(async () =>
    {
        while (true)
        {
            var client = await listener.AcceptTcpClientAsync();
            _ = Task.Run(() => ServeAsync(client));
        }
    });

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO": await writer.WriteLineAsync("250 sink"); break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with .");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } d && d != ".") data.AppendLine(d);
                    Messages.Enqueue(data.ToString());
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT": await writer.WriteLineAsync("221 bye"); return;
                default: await writer.WriteLineAsync("250 ok"); break;
            }
        }
    }
}

public sealed class OutboxMailTests(MailSinkFactory app) : IClassFixture<MailSinkFactory>
{
    [Fact]
    public async Task The_receipt_mail_reaches_the_mail_server_and_the_notice_is_recorded_as_delivered_by_email()
    {
        using var _ = app.CreateClient();
        var data = new ApplicationTestData(app.Services);
        var id = await data.SubmittedAsync("昆明五华创新创业园");
        var receipt = await data.WithAsync((_, db) => db.Set<Application>().Where(a => a.Id == id).Select(a => a.ReceiptNumber).SingleAsync());

        // The background job may get there first; either way one run is enough and nothing is sent twice.
        await app.Services.GetRequiredService<OutboxJob>().RunOnceAsync();

        var (mail, notice, sms) = await data.WithAsync(async (_, db) =>
        {
            var n = await db.Set<Notice>().SingleAsync(x => x.Ref == $"application-receipt:{id}:1");
            return (await db.Set<OutboundMessage>().SingleAsync(m => m.NoticeId == n.Id && m.Channel == MessageChannel.Email), n,
                await db.Set<OutboundMessage>().SingleAsync(m => m.NoticeId == n.Id && m.Channel == MessageChannel.Sms));
        });
        Assert.Equal(ApplicationTestData.Details.ContactEmail, mail.Recipient);
        Assert.NotNull(mail.SentAt);
        Assert.Equal(mail.SentAt, notice.DeliveredAt);
        Assert.Equal("电子邮件", notice.DeliveredVia);
        // No SMS platform is connected in tests: the SMS stays queued and is never taken for a delivery.
        Assert.Null(sms.SentAt);

        var message = Assert.Single(app.Sink.Messages, m => m.Contains("liming@example.cn"));
        var subject = message.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase))?["Subject: ".Length..];
        Assert.True(subject is not null, message);
        Assert.Equal($"申报回执：{receipt}", DecodeMime(subject));
    }

    private static string DecodeMime(string header) => string.Concat(header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part =>
    {
        var bits = part.Split('?');
        if (bits.Length < 5 || bits[0] != "=") return part;
        var bytes = bits[2].ToUpperInvariant() == "B" ? Convert.FromBase64String(bits[3]) : Encoding.ASCII.GetBytes(bits[3]);
        return Encoding.GetEncoding(bits[1]).GetString(bytes);
    }));
}
