using Microsoft.Extensions.Configuration;

namespace CareFlow.Infrastructure.Settings;

/// <summary>
/// With real SMTP, emailed links must point at this server's public address: <c>Email:PublicBaseUrl</c> is required
/// then (its built-in default is a localhost URL, fit only for the outbox folder on a developer's machine).
/// </summary>
internal static class EmailSettingsRules
{
    public static void Check(IConfigurationSection email, IConfigurationSection smtp, List<string> errors)
    {
        if (!string.IsNullOrEmpty(smtp["Host"]) && string.IsNullOrWhiteSpace(email["PublicBaseUrl"]))
        {
            errors.Add($"{email.Path}:PublicBaseUrl is required when Smtp:Host is set: links in emails must use CareFlow's public address (e.g. https://careflow.example.org).");
        }
    }
}
