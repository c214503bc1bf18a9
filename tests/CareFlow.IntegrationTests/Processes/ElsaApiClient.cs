using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CareFlow.IntegrationTests.Processes;

/// <summary>The Elsa runtime routes of one CareFlow node, authenticated with an API key.</summary>
public sealed class ElsaApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ElsaApiClient(Uri baseAddress, string apiKey, TimeSpan? timeout = null)
    {
        // Short-lived pooled connections: after a SIGKILL the pool must not keep handing out dead ones.
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2), PooledConnectionLifetime = TimeSpan.FromSeconds(5) };
        _http = new HttpClient(handler) { BaseAddress = new Uri(baseAddress, "elsa/api/"), Timeout = timeout ?? TimeSpan.FromSeconds(15) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
    }

    public Task<HttpResponseMessage> ExecuteAsync(string definitionId, JsonObject body, CancellationToken cancellationToken) =>
        _http.PostAsJsonAsync($"workflow-definitions/{Uri.EscapeDataString(definitionId)}/execute", body, cancellationToken);

    public Task<HttpResponseMessage> TriggerAsync(string eventName, JsonObject body, CancellationToken cancellationToken) =>
        _http.PostAsJsonAsync($"events/{Uri.EscapeDataString(eventName)}/trigger", body, cancellationToken);

    public async Task<JsonObject> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<JsonObject>($"workflow-instances/{Uri.EscapeDataString(instanceId)}", cancellationToken)
        ?? throw new InvalidOperationException($"Instance {instanceId}: empty answer.");

    /// <summary>The instance's journal records in sequence order.</summary>
    public async Task<JsonArray> JournalAsync(string instanceId, CancellationToken cancellationToken)
    {
        var page = await _http.GetFromJsonAsync<JsonObject>($"workflow-instances/{Uri.EscapeDataString(instanceId)}/journal?take=1000", cancellationToken);
        return page?["items"] as JsonArray ?? throw new InvalidOperationException($"Journal of {instanceId}: no items.");
    }

    public void Dispose() => _http.Dispose();
}
