using CareFlow.Core.Configuration;
using CareFlow.Infrastructure.Settings;
using Microsoft.Extensions.Configuration;

namespace CareFlow.Infrastructure.Tests.Settings;

public class InfrastructureSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Load_ChoosesTheEmbeddedDefault_WhenNothingIsConfigured()
    {
        var settings = InfrastructureSettings.Load(Config(), "/srv/app");

        Assert.False(settings.UsesPostgres);
        Assert.False(settings.UsesSmtp);
        Assert.Equal("/srv/app/data", settings.Paths.Root);
        Assert.Equal("/srv/app/data/careflow.db", settings.Paths.DatabaseFile);
        Assert.Equal("/srv/app/data/outbox", settings.Paths.Outbox);
    }

    [Fact]
    public void Load_ChoosesPostgresAndSmtp_WhenBothAreConfigured()
    {
        var settings = InfrastructureSettings.Load(
            Config(("ConnectionStrings:CareFlow", "Host=db"), ("Smtp:Host", "mail.example.org"), ("Smtp:From", "c@example.org"), ("Smtp:Port", "2525"), ("Email:PublicBaseUrl", "https://care.example.org")),
            "/srv/app");

        Assert.True(settings.UsesPostgres);
        Assert.True(settings.UsesSmtp);
        Assert.Equal(2525, settings.Smtp.Port);
        Assert.True(settings.Smtp.UseStartTls);
    }

    [Fact]
    public void Load_TreatsABlankConnectionString_AsNotSet()
    {
        Assert.False(InfrastructureSettings.Load(Config(("ConnectionStrings:CareFlow", " ")), "/srv").UsesPostgres);
    }

    [Theory]
    [InlineData("state", "/srv/app/state")]
    [InlineData("/var/lib/careflow", "/var/lib/careflow")]
    public void Load_ResolvesTheDataDirectory_AgainstTheWorkingDirectory(string configured, string expected)
    {
        Assert.Equal(expected, InfrastructureSettings.Load(Config(("CareFlow:DataDirectory", configured)), "/srv/app").Paths.Root);
    }

    [Fact]
    public void Load_ThrowsOneLine_WhenASettingIsMalformed()
    {
        var ex = Assert.Throws<CareFlowConfigurationException>(() => InfrastructureSettings.Load(Config(("Smtp:Port", "abc")), "/srv"));

        Assert.Equal("Configuration error: Smtp:Port must be a number between 1 and 65535 (got \"abc\").", ex.Message);
    }
}
