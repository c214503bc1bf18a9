using CareFlow.Core.Email;
using CareFlow.Infrastructure.Email;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CareFlow.Infrastructure.Tests.Email;

public class MimeMessageFactoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static MimeMessageFactory Factory(string? configuredFrom = "CareFlow <careflow@example.org>") =>
        new(new FakeTimeProvider(Now), Options.Create(new SmtpOptions { From = configuredFrom }));

    private static EmailMessage Message() =>
        new(null, "Provider <provider@example.net>", "A new referral is waiting", "Open CareFlow to respond.", "<p>Open CareFlow to respond.</p>", "ref-1.step-2@careflow.example.org");

    [Fact]
    public void Create_BuildsOneRecipientMessage_WithIdDateAndBothBodies()
    {
        var mime = Factory().Create(Message() with { Headers = new Dictionary<string, string> { ["X-CareFlow-Key"] = "ref-1/step-2" } });

        Assert.Equal("careflow@example.org", Assert.Single(mime.From.Mailboxes).Address);
        Assert.Equal("provider@example.net", Assert.Single(mime.To.Mailboxes).Address);
        Assert.Empty(mime.Cc);
        Assert.Empty(mime.Bcc);
        Assert.Equal("A new referral is waiting", mime.Subject);
        Assert.Equal("ref-1.step-2@careflow.example.org", mime.MessageId);
        Assert.Equal(Now, mime.Date);
        Assert.Equal("Open CareFlow to respond.", mime.TextBody?.TrimEnd());
        Assert.Equal("<p>Open CareFlow to respond.</p>", mime.HtmlBody?.TrimEnd());
        Assert.Equal("ref-1/step-2", mime.Headers["X-CareFlow-Key"]);
    }

    [Fact]
    public void Create_UsesTheMessagesFrom_WhenItIsGiven()
    {
        var mime = Factory().Create(Message() with { From = "Clinic <clinic@example.org>" });

        Assert.Equal("clinic@example.org", Assert.Single(mime.From.Mailboxes).Address);
    }

    [Fact]
    public void Create_FallsBackToLocalhostSender_WhenNoFromIsConfigured()
    {
        var mime = Factory(configuredFrom: null).Create(Message());

        Assert.Equal("careflow@localhost", Assert.Single(mime.From.Mailboxes).Address);
    }

    [Fact]
    public void Create_AcceptsAMessageIdInAngleBrackets()
    {
        Assert.Equal("a@b.example", Factory().Create(Message() with { MessageId = "<a@b.example>" }).MessageId);
    }

    public static TheoryData<EmailMessage> HeaderInjections() => new()
    {
        Message() with { Subject = "Hello\r\nBcc: victim@example.com" },
        Message() with { Subject = "Hello\nX-Evil: 1" },
        Message() with { To = "provider@example.net\r\nBcc: victim@example.com" },
        Message() with { From = "careflow@example.org\nBcc: victim@example.com" },
        Message() with { MessageId = "id@example.org\r\nBcc: victim@example.com" },
        Message() with { Headers = new Dictionary<string, string> { ["X-CareFlow-Key"] = "k\r\nBcc: victim@example.com" } },
        Message() with { Headers = new Dictionary<string, string> { ["X-Evil\r\nBcc"] = "victim@example.com" } },
    };

    [Theory]
    [MemberData(nameof(HeaderInjections))]
    public void Create_RefusesCrLf_InAnythingThatBecomesAHeader(EmailMessage message)
    {
        Assert.ThrowsAny<ArgumentException>(() => Factory().Create(message));
    }

    [Theory]
    [InlineData("Bcc")]
    [InlineData("cc")]
    [InlineData("To")]
    [InlineData("From")]
    [InlineData("Message-ID")]
    public void Create_RefusesStructuralHeaders_InExtraHeaders(string name)
    {
        var message = Message() with { Headers = new Dictionary<string, string> { [name] = "victim@example.com" } };

        Assert.Throws<ArgumentException>(() => Factory().Create(message));
    }

    [Theory]
    [InlineData("a@example.org, b@example.org")]
    [InlineData("not a mailbox")]
    [InlineData("")]
    public void Create_RefusesAnythingButOneRecipient(string to)
    {
        Assert.Throws<ArgumentException>(() => Factory().Create(Message() with { To = to }));
    }

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("two@at@signs")]
    [InlineData("with space@example.org")]
    [InlineData("")]
    public void Create_RefusesMalformedMessageIds(string messageId)
    {
        Assert.Throws<ArgumentException>(() => Factory().Create(Message() with { MessageId = messageId }));
    }

    [Fact]
    public void Create_EncodesNonAsciiSubjects_InsteadOfSendingRawBytes()
    {
        var mime = Factory().Create(Message() with { Subject = "Rendez-vous confirmé" });
        using var stream = new MemoryStream();
        mime.WriteTo(stream, TestContext.Current.CancellationToken);

        var raw = System.Text.Encoding.ASCII.GetString(stream.ToArray());
        Assert.Matches(@"\nSubject: Rendez-vous =\?[-a-z0-9]+\?[qb]\?", raw);
        Assert.All(stream.ToArray(), b => Assert.True(b < 0x80, "the message must be 7-bit on the wire"));
        Assert.Equal("Rendez-vous confirmé", MimeMessage.Load(new MemoryStream(stream.ToArray()), TestContext.Current.CancellationToken).Subject);
    }
}
