using CareFlow.Core.Outbox;
using CareFlow.Core.ProviderLinks;
using CareFlow.Infrastructure.Email;
using CareFlow.Infrastructure.Outbox;
using CareFlow.Infrastructure.ProviderLinks;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace CareFlow.Infrastructure.Tests.Email;

public class OutboxRulesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(40, 60)]
    public void Backoff_IsOneSecondTimesTwoToTheN_CappedAtSixty_InTheTestProfile(int attempt, int seconds)
    {
        var options = new OutboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(1), RetryMaxDelay = TimeSpan.FromSeconds(60) };

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.Backoff(attempt));
    }

    [Fact]
    public void Classify_5xxIsPermanent_4xxTransient_AfterDataUnknown()
    {
        Assert.Equal(SmtpFailureKind.Permanent, SmtpFailureClassifier.Classify(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "550")).Kind);
        Assert.Equal(SmtpFailureKind.Transient, SmtpFailureClassifier.Classify(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ServiceNotAvailable, "421")).Kind);
        Assert.Equal(SmtpFailureKind.Unknown, SmtpFailureClassifier.Classify(new SmtpDataUnknownException(new IOException())).Kind);
        Assert.Equal(SmtpFailureKind.Transient, SmtpFailureClassifier.Classify(new IOException("reset")).Kind);
        Assert.Equal(SmtpFailureKind.Configuration, SmtpFailureClassifier.Classify(new MailKit.Security.AuthenticationException("535")).Kind);
        Assert.Equal(SmtpFailureKind.Configuration, SmtpFailureClassifier.Classify(new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.AuthenticationRequired, "530")).Kind);
        Assert.Equal(SmtpFailureKind.Configuration, SmtpFailureClassifier.Classify(new MailKit.ServiceNotAuthenticatedException("5.7.0 Authentication required")).Kind);
        Assert.Equal(SmtpFailureKind.Configuration, SmtpFailureClassifier.Classify(new SmtpCommandException(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.AuthenticationInvalidCredentials, "535")).Kind);
        Assert.Equal(SmtpFailureKind.Configuration, SmtpFailureClassifier.Classify(new SmtpCommandException(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.AuthenticationMechanismTooWeak, "534")).Kind);
    }

    [Fact]
    public void MessageId_DependsOnlyOnTheKey()
    {
        var key = OutboxKey.For("referral:1", "notification:2", "Intake@Provider.test", "new-referral", 1);

        Assert.Equal(OutboxKey.MessageId(key, "example.org"), OutboxKey.MessageId(OutboxKey.For("referral:1", "notification:2", "intake@provider.test", "new-referral", 1), "example.org"));
        Assert.NotEqual(OutboxKey.MessageId(key, "example.org"), OutboxKey.MessageId(key + "x", "example.org"));
        Assert.EndsWith("@example.org", OutboxKey.MessageId(key, "example.org"), StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_VerifyOnlyForTheirReferral_AndExpire()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tokens = new DataProtectionProviderLinkTokens(new EphemeralDataProtectionProvider(), clock);
        var link = new ProviderLink { Id = Guid.NewGuid(), ReferralId = Guid.NewGuid() };
        var token = tokens.Issue(link, clock.GetUtcNow().AddDays(7));

        Assert.Equal(LinkCheck.Valid, tokens.Read(token, out var referralId, out var linkId));
        Assert.Equal((link.ReferralId, link.Id), (referralId, linkId));
        Assert.Equal(LinkCheck.Invalid, tokens.Read(Guid.NewGuid().ToString("N") + token[32..], out _, out _));
        Assert.Equal(LinkCheck.Invalid, tokens.Read(token[..^2] + (token[^2] == 'x' ? "y" : "x") + token[^1], out _, out _));
        Assert.Equal(LinkCheck.Invalid, tokens.Read("nonsense", out _, out _));
        clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(LinkCheck.Expired, tokens.Read(token, out _, out _));
    }
}
