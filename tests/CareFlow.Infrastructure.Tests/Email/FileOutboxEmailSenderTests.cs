using CareFlow.Core.Email;
using CareFlow.Infrastructure.Email;
using CareFlow.Infrastructure.Settings;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CareFlow.Infrastructure.Tests.Email;

public sealed class FileOutboxEmailSenderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "careflow-outbox-tests", Guid.NewGuid().ToString("N"));

    private FileOutboxEmailSender Sender() => new(
        new MimeMessageFactory(new FakeTimeProvider(), Options.Create(new SmtpOptions())),
        new CareFlowDataPaths(_root));

    private static EmailMessage Message(string subject = "Reminder") =>
        new("CareFlow <careflow@example.org>", "provider@example.net", subject, "Please respond.", null, "<key-42@careflow.example.org>");

    [Fact]
    public async Task SendAsync_WritesAParseableEml_NamedAfterTheMessageId()
    {
        await Sender().SendAsync(Message(), TestContext.Current.CancellationToken);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_root, "outbox")));
        Assert.Equal("key-42@careflow.example.org.eml", Path.GetFileName(file));
        var mime = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal("key-42@careflow.example.org", mime.MessageId);
        Assert.Equal("Reminder", mime.Subject);
        Assert.Equal("Please respond.", mime.TextBody?.TrimEnd());
        Assert.Equal("provider@example.net", Assert.Single(mime.To.Mailboxes).Address);
        Assert.Contains("\r\nSubject: Reminder\r\n", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ReplacesTheFile_WhenTheSameMessageIdIsResent()
    {
        var sender = Sender();
        await sender.SendAsync(Message("First"), TestContext.Current.CancellationToken);
        await sender.SendAsync(Message("Second"), TestContext.Current.CancellationToken);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_root, "outbox")));
        Assert.Equal("Second", (await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken)).Subject);
    }

    [Fact]
    public async Task SendAsync_WritesNothing_WhenTheMessageIsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Sender().SendAsync(Message("Bad\r\nBcc: x@example.com"), TestContext.Current.CancellationToken));

        Assert.False(Directory.Exists(Path.Combine(_root, "outbox")) && Directory.EnumerateFiles(Path.Combine(_root, "outbox")).Any());
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
