using CareFlow.Infrastructure.Settings;
using Microsoft.Extensions.Configuration;

namespace CareFlow.Infrastructure.Tests.Settings;

public class ConfigurationValidatorTests
{
    private const string PublicBaseUrl = "https://care.example.org";

    private static IReadOnlyList<string> Validate(params (string Key, string Value)[] settings) =>
        ConfigurationValidator.Validate(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void Validate_ReturnsNoErrors_WhenNothingIsConfigured()
    {
        Assert.Empty(Validate());
    }

    [Fact]
    public void Validate_ReturnsNoErrors_ForAFullProductionConfiguration()
    {
        var errors = Validate(
            ("ConnectionStrings:CareFlow", "Host=db;Port=5432;Database=careflow;Username=careflow;Password=x;Timeout=5"),
            ("Smtp:Host", "mail.example.org"),
            ("Smtp:Port", "587"),
            ("Smtp:From", "CareFlow <careflow@example.org>"),
            ("Smtp:UserName", "careflow"),
            ("Smtp:Password", "secret"),
            ("Smtp:UseStartTls", "true"),
            ("CareFlow:DataDirectory", "/var/lib/careflow"),
            ("CareFlow:DemoData", "false"),
            ("CareFlow:ApiKeys:0", "0123456789abcdef"),
            ("CareFlow:AllowedOrigins:0", "https://care.example.org"),
            ("Email:PublicBaseUrl", "https://care.example.org"));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("Smtp:Port", "abc", "Smtp:Port must be a number between 1 and 65535 (got \"abc\").")]
    [InlineData("Smtp:Port", "0", "Smtp:Port must be a number between 1 and 65535 (got \"0\").")]
    [InlineData("Smtp:Port", "65536", "Smtp:Port must be a number between 1 and 65535 (got \"65536\").")]
    [InlineData("Smtp:Port", " 25", "Smtp:Port must be a number between 1 and 65535 (got \" 25\").")]
    [InlineData("Smtp:UseStartTls", "yes", "Smtp:UseStartTls must be true or false (got \"yes\").")]
    [InlineData("Smtp:From", "not a mailbox", "Smtp:From must be one mailbox such as \"CareFlow <careflow@example.org>\" (got \"not a mailbox\").")]
    [InlineData("Smtp:From", "a@example.org, b@example.org", "Smtp:From must be one mailbox such as \"CareFlow <careflow@example.org>\" (got \"a@example.org, b@example.org\").")]
    [InlineData("Smtp:Hostname", "mail", "Smtp:Hostname is not a known setting (known: Host, Port, From, UserName, Password, UseStartTls, Timeout, IdleTimeout).")]
    [InlineData("CareFlow:DemoData", "maybe", "CareFlow:DemoData must be true or false (got \"maybe\").")]
    [InlineData("CareFlow:DataDirectory", " ", "CareFlow:DataDirectory must be a folder path (got \" \").")]
    [InlineData("CareFlow:AllowedOrigins:0", "https://care.example.org/app", "CareFlow:AllowedOrigins:0 must be an origin such as https://care.example.org (got \"https://care.example.org/app\").")]
    public void Validate_NamesTheSetting_WhenAValueIsMalformed(string key, string value, string expected)
    {
        Assert.Equal([expected], Validate((key, value)));
    }

    [Theory]
    [InlineData("mail example.org")]
    [InlineData("mail\texample")]
    [InlineData("-bad-")]
    public void Validate_RejectsHost_WhenItIsNotAHostName(string host)
    {
        var errors = Validate(("Smtp:Host", host), ("Smtp:From", "careflow@example.org"), ("Email:PublicBaseUrl", PublicBaseUrl));

        Assert.Single(errors);
        Assert.StartsWith("Smtp:Host must be a host name or IP address without spaces", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RequiresFrom_WhenHostIsSet()
    {
        var errors = Validate(("Smtp:Host", "mail.example.org"), ("Email:PublicBaseUrl", PublicBaseUrl));

        Assert.Equal(["Smtp:From is required when Smtp:Host is set (e.g. \"CareFlow <careflow@example.org>\")."], errors);
    }

    [Fact]
    public void Validate_RefusesPlainSmtp_WhenHostIsNotLoopback()
    {
        var errors = Validate(("Smtp:Host", "mail.example.org"), ("Smtp:From", "careflow@example.org"), ("Smtp:UseStartTls", "false"), ("Email:PublicBaseUrl", PublicBaseUrl));

        Assert.Single(errors);
        Assert.StartsWith("Smtp:UseStartTls may be false only for a loopback Smtp:Host (got \"mail.example.org\")", errors[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("::1")]
    public void Validate_AllowsPlainSmtp_WhenHostIsLoopback(string host)
    {
        Assert.Empty(Validate(("Smtp:Host", host), ("Smtp:From", "careflow@example.org"), ("Smtp:UseStartTls", "false"), ("Email:PublicBaseUrl", PublicBaseUrl)));
    }

    [Theory]
    [InlineData("mail.example.org")]
    [InlineData("127.0.0.1")]
    public void Validate_RequiresPublicBaseUrl_WhenSmtpHostIsSet(string host)
    {
        var errors = Validate(("Smtp:Host", host), ("Smtp:From", "careflow@example.org"), ("Smtp:UseStartTls", "true"));

        Assert.Equal(["Email:PublicBaseUrl is required when Smtp:Host is set: links in emails must use CareFlow's public address (e.g. https://careflow.example.org)."], errors);
        Assert.Empty(Validate(("Email:PublicBaseUrl", "")));
    }

    [Fact]
    public void Validate_RequiresBothCredentials_WhenOneIsSet()
    {
        Assert.Equal(["Smtp:Password is set but Smtp:UserName is empty."], Validate(("Smtp:Password", "p")));
        Assert.Equal(["Smtp:UserName is set but Smtp:Password is empty."], Validate(("Smtp:UserName", "u")));
    }

    [Theory]
    [InlineData("garbage", "ConnectionStrings:CareFlow is not a valid connection string")]
    [InlineData("Host=db;Port=abc", "ConnectionStrings:CareFlow has an invalid value for \"port\" (got \"abc\").")]
    [InlineData("Host=db;Colour=blue", "ConnectionStrings:CareFlow has an unknown keyword \"colour\".")]
    [InlineData("Database=careflow;Username=u", "ConnectionStrings:CareFlow must name a Host")]
    [InlineData("Data Source=careflow.db", "ConnectionStrings:CareFlow")]
    [InlineData("Host=my db;Database=careflow", "ConnectionStrings:CareFlow has an invalid Host: host names must not contain spaces (got \"my db\").")]
    public void Validate_NamesTheConnectionString_WhenItIsNotPostgreSql(string connectionString, string expectedStart)
    {
        var errors = Validate(("ConnectionStrings:CareFlow", connectionString));

        Assert.NotEmpty(errors);
        Assert.StartsWith(expectedStart, errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NeverEchoesThePassword_WhenTheConnectionStringIsMalformed()
    {
        var errors = Validate(("ConnectionStrings:CareFlow", "Host=db;Password=s3cret-value;Port=abc;Keepalive=x"));

        Assert.NotEmpty(errors);
        Assert.DoesNotContain(errors, e => e.Contains("s3cret-value", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NeverEchoesApiKeys_WhenTheyAreMalformed()
    {
        var errors = Validate(("CareFlow:ApiKeys", "one-scalar-key"), ("CareFlow:ApiKeys:0", " "));

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("CareFlow:ApiKeys must be a list", errors[0], StringComparison.Ordinal);
        Assert.DoesNotContain(errors, e => e.Contains("one-scalar-key", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AcceptsAnEmptyParentValue_AsWebApplicationFactoryPassesForListKeys()
    {
        Assert.Empty(Validate(("CareFlow:ApiKeys", ""), ("CareFlow:AllowedOrigins", "")));
    }

    [Fact]
    public void Validate_ReportsEveryProblem_WhenSeveralSettingsAreMalformed()
    {
        var errors = Validate(("Smtp:Port", "abc"), ("Smtp:UseStartTls", "1"), ("CareFlow:DemoData", "x"));

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.DoesNotContain('\n', e));
    }
}
