using System.Net.Http.Json;
using System.Text.Json;

namespace CareFlow.IntegrationTests.Email;

/// <summary>The SMTP test server's control API (tests/tools/smtp_server.py).</summary>
public sealed class SmtpControl : IDisposable
{
    private readonly HttpClient _http = new(new RigControlHandler()) { Timeout = TimeSpan.FromSeconds(10) };

    private static Uri Url(string path) => new(
        (TestEnvironment.SmtpControl ?? throw new InvalidOperationException($"{TestEnvironment.SmtpControlVariable} is not set; run ./scripts/test.sh."))
            .TrimEnd('/') + path);

    public async Task ResetAsync(CancellationToken cancellationToken) => (await _http.PostAsync(Url("/reset"), null, cancellationToken)).EnsureSuccessStatusCode();

    public async Task ModeAsync(string mode, CancellationToken cancellationToken, int? count = null, string? at = null)
    {
        var body = new Dictionary<string, object> { ["mode"] = mode };
        if (count is not null) body["count"] = count;
        if (at is not null) body["at"] = at;
        (await _http.PostAsJsonAsync(Url("/mode"), body, cancellationToken)).EnsureSuccessStatusCode();
    }

    public async Task StopListeningAsync(CancellationToken cancellationToken) => (await _http.PostAsync(Url("/stop-listening"), null, cancellationToken)).EnsureSuccessStatusCode();

    public async Task StartListeningAsync(CancellationToken cancellationToken) => (await _http.PostAsync(Url("/start-listening"), null, cancellationToken)).EnsureSuccessStatusCode();

    /// <summary>Message-IDs (without brackets) of every received message, oldest first; repeats show duplicates.</summary>
    public async Task<List<string>> MessageIdsAsync(CancellationToken cancellationToken)
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync(Url("/messages"), cancellationToken));
        return doc.RootElement.EnumerateArray()
            .Select(m => (m.GetProperty("messageId").GetString() ?? "").Trim().TrimStart('<').TrimEnd('>')).ToList();
    }

    public async Task<JsonElement> StatsAsync(CancellationToken cancellationToken)
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync(Url("/stats"), cancellationToken));
        return doc.RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
