using CareFlow.Core.Configuration;
using CareFlow.Infrastructure.Email;
using Microsoft.Extensions.Configuration;

namespace CareFlow.Infrastructure.Settings;

/// <summary>The validated choice of database, job storage and mail transport.</summary>
public sealed record InfrastructureSettings(string? PostgresConnectionString, SmtpOptions Smtp, CareFlowDataPaths Paths)
{
    public const string ConnectionStringName = "CareFlow";

    public bool UsesPostgres => PostgresConnectionString is not null;

    public bool UsesSmtp => !string.IsNullOrEmpty(Smtp.Host);

    /// <summary>Validates, then binds.</summary>
    /// <exception cref="CareFlowConfigurationException">A setting is malformed; the message is one printable line.</exception>
    public static InfrastructureSettings Load(IConfiguration configuration, string workingDirectory)
    {
        var errors = ConfigurationValidator.Validate(configuration);
        if (errors.Count > 0)
        {
            throw new CareFlowConfigurationException("Configuration error: " + string.Join(" ", errors));
        }

        var options = configuration.GetSection(CareFlowOptions.SectionName).Get<CareFlowOptions>() ?? new CareFlowOptions();
        var smtp = configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return new InfrastructureSettings(
            string.IsNullOrWhiteSpace(connectionString) ? null : connectionString,
            smtp,
            CareFlowDataPaths.Resolve(options.DataDirectory, workingDirectory));
    }
}
