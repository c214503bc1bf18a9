using CareFlow.Core.Email;
using CareFlow.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace CareFlow.IntegrationTests.Email;

public class SmtpDeliveryTests
{
    private static MailKitEmailSender Sender(SmtpOptions smtp) =>
        new(new MimeMessageFactory(TimeProvider.System, Options.Create(smtp)), Options.Create(smtp));

    private static SmtpOptions Loopback() => new()
    {
        Host = TestEnvironment.SmtpHost,
        Port = TestEnvironment.SmtpPort,
        From = "CareFlow <careflow@careflow.test>",
        UseStartTls = false,
    };

    private static EmailMessage Message(string messageId) => new(
        null, "Provider <provider@careflow.test>", "A referral is waiting for you", "Open CareFlow to respond.",
        "<p>Open CareFlow to respond.</p>", messageId, new Dictionary<string, string> { ["X-CareFlow-Key"] = messageId });

    [Fact]
    public async Task SendAsync_DeliversAParseableMessage_ToTheSmtpServer()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var dump = await TestEnvironment.RequireSmtpAsync(cancellationToken);
        var messageId = $"{Guid.NewGuid():N}@careflow.test";

        await Sender(Loopback()).SendAsync(Message(messageId), cancellationToken);

        var received = await SmtpDump.WaitForAsync(dump, messageId, TimeSpan.FromSeconds(15), cancellationToken);
        Assert.Equal(messageId, received.MessageId);
        Assert.Equal("A referral is waiting for you", received.Subject);
        Assert.Equal("Open CareFlow to respond.", received.TextBody?.TrimEnd());
        Assert.Equal("<p>Open CareFlow to respond.</p>", received.HtmlBody?.TrimEnd());
        Assert.Equal("careflow@careflow.test", Assert.Single(received.From.Mailboxes).Address);
        Assert.Equal("provider@careflow.test", Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal(messageId, received.Headers["X-CareFlow-Key"]);
    }

    [Fact]
    public async Task SendAsync_LogsInAndDelivers_WhenAUserNameIsConfigured()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var dump = await TestEnvironment.RequireSmtpAsync(cancellationToken);
        var messageId = $"{Guid.NewGuid():N}@careflow.test";
        var smtp = Loopback();
        smtp.UserName = "careflow";
        smtp.Password = "test-password";

        await Sender(smtp).SendAsync(Message(messageId), cancellationToken);

        Assert.Equal(messageId, (await SmtpDump.WaitForAsync(dump, messageId, TimeSpan.FromSeconds(15), cancellationToken)).MessageId);
    }

    [Fact]
    public async Task SendAsync_RefusedLogin535_IsAnAuthenticationError_ThatPausesTheQueue()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await TestEnvironment.RequireSmtpAsync(cancellationToken);
        using var control = new SmtpControl();
        var smtp = Loopback();
        smtp.UserName = "careflow";
        smtp.Password = "wrong-password";
        var before = (await control.StatsAsync(cancellationToken)).GetProperty("authfailed").GetInt32();
        await control.ModeAsync("authfail", cancellationToken);
        try
        {
            await using var sender = Sender(smtp);
            var error = await Assert.ThrowsAsync<MailKit.Security.AuthenticationException>(() => sender.SendAsync(Message($"{Guid.NewGuid():N}@careflow.test"), cancellationToken));

            Assert.Equal(CareFlow.Infrastructure.Outbox.SmtpFailureKind.Configuration, CareFlow.Infrastructure.Outbox.SmtpFailureClassifier.Classify(error).Kind);
            // Refused once per SASL mechanism MailKit tries (PLAIN, then LOGIN).
            Assert.True((await control.StatsAsync(cancellationToken)).GetProperty("authfailed").GetInt32() > before, "the server never refused a login");
        }
        finally
        {
            await control.ModeAsync("ok", CancellationToken.None);
        }
    }
}
