using CareFlow.Infrastructure.Email;
using MailKit.Security;

namespace CareFlow.Infrastructure.Tests.Email;

public class MailKitEmailSenderTests
{
    [Theory]
    [InlineData("mail.example.org", 587, true, SecureSocketOptions.StartTls)]
    [InlineData("mail.example.org", 25, true, SecureSocketOptions.StartTls)]
    [InlineData("mail.example.org", 465, true, SecureSocketOptions.SslOnConnect)]
    [InlineData("127.0.0.1", 2525, true, SecureSocketOptions.StartTls)]
    [InlineData("127.0.0.1", 2525, false, SecureSocketOptions.None)]
    [InlineData("localhost", 25, false, SecureSocketOptions.None)]
    public void SocketOptions_RequiresTls_UnlessTheHostIsLoopbackAndTlsIsOff(string host, int port, bool useStartTls, SecureSocketOptions expected)
    {
        Assert.Equal(expected, MailKitEmailSender.SocketOptions(new SmtpOptions { Host = host, Port = port, UseStartTls = useStartTls }, host));
    }

    [Fact]
    public void SocketOptions_Throws_WhenTlsIsOffForARemoteHost()
    {
        var options = new SmtpOptions { Host = "mail.example.org", UseStartTls = false };

        Assert.Throws<InvalidOperationException>(() => MailKitEmailSender.SocketOptions(options, "mail.example.org"));
    }
}
