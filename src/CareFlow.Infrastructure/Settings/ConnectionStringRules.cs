using System.Data.Common;
using Npgsql;

namespace CareFlow.Infrastructure.Settings;

/// <summary>
/// Checks ConnectionStrings:CareFlow as a PostgreSQL connection string without connecting. Error lines quote keywords,
/// and values only for keywords that cannot hold a secret.
/// </summary>
internal static class ConnectionStringRules
{
    private const string Name = "ConnectionStrings:CareFlow";

    public static void Check(string? connectionString, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        var generic = new DbConnectionStringBuilder();
        try
        {
            generic.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            errors.Add($"{Name} is not a valid connection string: expected Key=Value pairs separated by ';' (e.g. Host=db;Database=careflow;Username=careflow;Password=…).");
            return;
        }

        var npgsql = new NpgsqlConnectionStringBuilder();
        foreach (string key in generic.Keys)
        {
            CheckKeyword(npgsql, key, generic[key], errors);
        }

        if (string.IsNullOrWhiteSpace(npgsql.Host))
        {
            errors.Add($"{Name} must name a Host (a PostgreSQL connection string such as Host=db;Database=careflow;Username=careflow;Password=…).");
        }
        else if (npgsql.Host.Split(',').Any(h => h.Trim().Length == 0 || h.Trim().Any(char.IsWhiteSpace)))
        {
            errors.Add($"{Name} has an invalid Host: host names must not contain spaces (got {SettingValue.Quote(npgsql.Host)}).");
        }
    }

    private static void CheckKeyword(NpgsqlConnectionStringBuilder npgsql, string key, object? value, List<string> errors)
    {
        try
        {
            npgsql[key] = value;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            var known = npgsql.GetType().GetProperties().Any(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
            errors.Add(IsSecret(key)
                ? $"{Name} has an invalid value for {SettingValue.Quote(key)}."
                : known || ex is not ArgumentException
                    ? $"{Name} has an invalid value for {SettingValue.Quote(key)} (got {SettingValue.Quote(value?.ToString())})."
                    : $"{Name} has an unknown keyword {SettingValue.Quote(key)}.");
        }
    }

    private static bool IsSecret(string key) =>
        key.Contains("pass", StringComparison.OrdinalIgnoreCase) || key.Contains("pwd", StringComparison.OrdinalIgnoreCase)
        || key.Contains("key", StringComparison.OrdinalIgnoreCase) || key.Contains("token", StringComparison.OrdinalIgnoreCase);
}
