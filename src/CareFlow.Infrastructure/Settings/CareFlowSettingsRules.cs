using CareFlow.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace CareFlow.Infrastructure.Settings;

/// <summary>Checks the raw "CareFlow" strings before binding.</summary>
internal static class CareFlowSettingsRules
{
    public static void Check(IConfigurationSection section, List<string> errors)
    {
        var dataDirectory = section[nameof(CareFlowOptions.DataDirectory)];
        if (dataDirectory is not null && (dataDirectory.Trim().Length == 0 || dataDirectory.Any(char.IsControl)))
        {
            errors.Add($"CareFlow:DataDirectory must be a folder path (got {SettingValue.Quote(dataDirectory)}).");
        }

        var demoData = section[nameof(CareFlowOptions.DemoData)];
        if (demoData is not null && !bool.TryParse(demoData, out _))
        {
            errors.Add($"CareFlow:DemoData must be true or false (got {SettingValue.Quote(demoData)}).");
        }

        CheckList(section.GetSection(nameof(CareFlowOptions.ApiKeys)), errors, secret: true);
        CheckList(section.GetSection(nameof(CareFlowOptions.AllowedOrigins)), errors, secret: false);
        foreach (var origin in section.GetSection(nameof(CareFlowOptions.AllowedOrigins)).GetChildren())
        {
            if (!Uri.TryCreate(origin.Value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.PathAndQuery != "/" || origin.Value!.TrimEnd('/') != uri.GetLeftPart(UriPartial.Authority))
            {
                errors.Add($"{origin.Path} must be an origin such as https://care.example.org (got {SettingValue.Quote(origin.Value)}).");
            }
        }
    }

    private static void CheckList(IConfigurationSection list, List<string> errors, bool secret)
    {
        // A scalar here would be silently ignored by the binder: lists come as CareFlow__ApiKeys__0, CareFlow__ApiKeys__1, ...
        // (An empty value is what WebApplicationFactory passes for every parent key, so only a non-empty scalar is refused.)
        if (!string.IsNullOrEmpty(list.Value))
        {
            errors.Add($"{list.Path} must be a list (set {list.Path}:0, {list.Path}:1, …; in environment variables {list.Path.Replace(":", "__", StringComparison.Ordinal)}__0).");
        }

        foreach (var item in list.GetChildren().Where(i => string.IsNullOrWhiteSpace(i.Value) || i.Value.Any(char.IsControl)))
        {
            errors.Add(secret
                ? $"{item.Path} must not be empty or contain control characters."
                : $"{item.Path} must not be empty or contain control characters (got {SettingValue.Quote(item.Value)}).");
        }
    }
}
