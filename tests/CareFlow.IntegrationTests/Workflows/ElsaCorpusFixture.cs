using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareFlow.IntegrationTests.Processes;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// One CareFlow process on a fresh PostgreSQL database for the Elsa corpus. The first test to ask imports and
/// publishes every corpus file through Studio's route and executes each once, so the timer files' waits overlap.
/// </summary>
public sealed class ElsaCorpusFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private IReadOnlyDictionary<string, CorpusRun>? _runs;
    private CareFlowProcess? _node;
    private HttpClient? _http;

    public static string CorpusFolder => Path.Combine(RepositoryRoot.Path, "tests", "CareFlow.Workflows.Tests", "ElsaCorpus");

    public ElsaApiClient Api { get; private set; } = null!;

    public string LogFile => _node?.LogFile ?? "(not started)";

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var folder = RepositoryLayout.ArtifactsFolder("elsa-corpus");
        var db = await TestDatabase.CreateKeptAsync("elsa_corpus", cancellationToken);
        var apiKey = NodeSettings.NewApiKey();
        var settings = NodeSettings.For(db, apiKey, folder, "node");
        settings["CareFlow__Designer__AllowScripts"] = "true"; // the corpus has JavaScript conditions and values
        _node = new CareFlowProcess("node", settings, folder);
        await _node.StartAsync(cancellationToken);
        Api = new ElsaApiClient(_node.BaseAddress, apiKey);
        _http = new HttpClient { BaseAddress = new Uri(_node.BaseAddress, "elsa/api/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
    }

    /// <summary>Imports, publishes and executes every corpus file (once per fixture).</summary>
    public async Task<IReadOnlyDictionary<string, CorpusRun>> RunAllAsync(CancellationToken cancellationToken)
    {
        await _once.WaitAsync(cancellationToken);
        try
        {
            if (_runs is not null) return _runs;
            var runs = new Dictionary<string, CorpusRun>();
            foreach (var path in Directory.EnumerateFiles(CorpusFolder, "*.json").Order(StringComparer.Ordinal))
            {
                runs[Path.GetFileName(path)] = await RunAsync(path, cancellationToken);
            }

            return _runs = runs;
        }
        finally
        {
            _once.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
        Api?.Dispose();
        _http?.Dispose();
        _once.Dispose();
    }

    private async Task<CorpusRun> RunAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var model = JsonNode.Parse(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes)!.AsObject();
        using var saved = await _http!.PostAsJsonAsync("workflow-definitions", new JsonObject { ["model"] = model.DeepClone(), ["publish"] = true }, cancellationToken);
        var savedBody = await saved.Content.ReadAsStringAsync(cancellationToken);
        if (!saved.IsSuccessStatusCode) return new CorpusRun(model, (int)saved.StatusCode, savedBody, null, 0, null, null);
        var definitionId = JsonNode.Parse(savedBody)?["workflowDefinition"]?["definitionId"]?.ToString();

        using var executed = await Api.ExecuteAsync(definitionId!, [], cancellationToken);
        var body = await executed.Content.ReadAsStringAsync(cancellationToken);
        var instanceId = executed.Headers.TryGetValues("x-elsa-workflow-instance-id", out var ids) ? ids.FirstOrDefault() : null;
        var subStatus = (JsonNode.Parse(body) as JsonObject)?["workflowState"]?["subStatus"]?.ToString();
        return new CorpusRun(model, (int)saved.StatusCode, savedBody, definitionId, (int)executed.StatusCode, instanceId, subStatus);
    }
}
