using System.Text.Encodings.Web;
using System.Text.Json;

namespace CareFlow.Infrastructure.Settings;

/// <summary>Quotes a setting's value for an error line; JSON escaping keeps control characters visible and the line single.</summary>
internal static class SettingValue
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Quote(string? value) => JsonSerializer.Serialize(value ?? string.Empty, Relaxed);
}
