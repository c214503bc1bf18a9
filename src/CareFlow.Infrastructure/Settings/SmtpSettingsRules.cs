using System.Globalization;
using CareFlow.Infrastructure.Email;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace CareFlow.Infrastructure.Settings;

/// <summary>Checks the raw "Smtp" strings before binding, so a typo fails start-up instead of falling back to the outbox.</summary>
internal static class SmtpSettingsRules
{
    private static readonly string[] Known = typeof(SmtpOptions).GetProperties().Select(p => p.Name).ToArray();

    public static void Check(IConfigurationSection smtp, List<string> errors)
    {
        foreach (var child in smtp.GetChildren().Where(c => !Known.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add($"{child.Path} is not a known setting (known: {string.Join(", ", Known)}).");
        }

        var host = smtp["Host"];
        var hostSet = !string.IsNullOrEmpty(host);
        if (hostSet && (host!.Any(char.IsWhiteSpace) || Uri.CheckHostName(host) == UriHostNameType.Unknown))
        {
            errors.Add($"Smtp:Host must be a host name or IP address without spaces (got {SettingValue.Quote(host)}).");
        }

        CheckPort(smtp["Port"], errors);
        CheckFrom(smtp["From"], hostSet, errors);
        var useStartTls = CheckStartTls(smtp["UseStartTls"], errors);
        if (hostSet && useStartTls == false && !LoopbackHost.Is(host!))
        {
            errors.Add($"Smtp:UseStartTls may be false only for a loopback Smtp:Host (got {SettingValue.Quote(host)}); CareFlow never sends mail unencrypted over a network.");
        }

        CheckCredentials(smtp["UserName"], smtp["Password"], errors);
    }

    private static void CheckPort(string? port, List<string> errors)
    {
        if (port is not null
            && !(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535))
        {
            errors.Add($"Smtp:Port must be a number between 1 and 65535 (got {SettingValue.Quote(port)}).");
        }
    }

    private static void CheckFrom(string? from, bool hostSet, List<string> errors)
    {
        if (string.IsNullOrEmpty(from))
        {
            if (hostSet)
            {
                errors.Add("Smtp:From is required when Smtp:Host is set (e.g. \"CareFlow <careflow@example.org>\").");
            }

            return;
        }

        if (from.Contains('\r', StringComparison.Ordinal) || from.Contains('\n', StringComparison.Ordinal)
            || !MailboxAddress.TryParse(from, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
        {
            errors.Add($"Smtp:From must be one mailbox such as \"CareFlow <careflow@example.org>\" (got {SettingValue.Quote(from)}).");
        }
    }

    private static bool? CheckStartTls(string? value, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }

        errors.Add($"Smtp:UseStartTls must be true or false (got {SettingValue.Quote(value)}).");
        return null;
    }

    private static void CheckCredentials(string? userName, string? password, List<string> errors)
    {
        if (string.IsNullOrEmpty(userName) != string.IsNullOrEmpty(password))
        {
            errors.Add(string.IsNullOrEmpty(userName)
                ? "Smtp:Password is set but Smtp:UserName is empty."
                : "Smtp:UserName is set but Smtp:Password is empty.");
        }

        if (userName is not null && userName.Any(char.IsControl))
        {
            errors.Add("Smtp:UserName must not contain control characters such as CR or LF.");
        }
    }
}
