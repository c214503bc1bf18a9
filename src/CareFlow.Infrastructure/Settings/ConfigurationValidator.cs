using CareFlow.Core.Configuration;
using CareFlow.Infrastructure.Email;
using Microsoft.Extensions.Configuration;

namespace CareFlow.Infrastructure.Settings;

/// <summary>
/// Checks every setting CareFlow reads, as raw strings and without I/O, so that start-up fails with one clear line
/// naming the setting instead of a binder stack trace or a half-configured app.
/// </summary>
public static class ConfigurationValidator
{
    /// <summary>One sentence per problem, each naming its setting; empty when the configuration is usable.</summary>
    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var errors = new List<string>();
        CareFlowSettingsRules.Check(configuration.GetSection(CareFlowOptions.SectionName), errors);
        ConnectionStringRules.Check(configuration.GetConnectionString(InfrastructureSettings.ConnectionStringName), errors);
        SmtpSettingsRules.Check(configuration.GetSection(SmtpOptions.SectionName), errors);
        WorkflowBudgetSettings.Check(configuration, errors);
        EmailSettingsRules.Check(configuration.GetSection(Core.Email.EmailOptions.SectionName), configuration.GetSection(SmtpOptions.SectionName), errors);
        return errors;
    }
}
