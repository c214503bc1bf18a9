using System.Text.Json.Nodes;

namespace CareFlow.IntegrationTests.Fuzz;

/// <summary>One parameter of an operation as the OpenAPI document states it.</summary>
internal sealed record ApiParameter(string Name, string In, bool Required, JsonNode? Schema);

/// <summary>One operation of the OpenAPI document: what it takes and the statuses (with their JSON schemas) it may answer.</summary>
internal sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonNode? BodySchema, bool BodyRequired,
    IReadOnlyDictionary<string, JsonNode?> Responses)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>The operations under <c>/api</c> read from the served OpenAPI document, and <c>$ref</c> resolution against it.</summary>
internal sealed class ApiContract(JsonObject document)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public JsonObject Document => document;

    public JsonObject Schemas => document["components"]?["schemas"] as JsonObject ?? [];

    public IReadOnlyList<ApiOperation> Operations(string prefix)
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in (JsonObject)document["paths"]!)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var shared = Params(item!["parameters"] as JsonArray);
            foreach (var method in Methods)
            {
                if (item[method] is not JsonObject operation) continue;
                var parameters = shared.Concat(Params(operation["parameters"] as JsonArray)).ToList();
                var body = Resolve(operation["requestBody"]);
                var bodySchema = body?["content"]?["application/json"]?["schema"];
                var responses = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
                foreach (var (status, response) in (JsonObject)operation["responses"]!)
                {
                    var content = Resolve(response)?["content"] as JsonObject;
                    responses[status] = content?.Select(c => c.Value?["schema"]).FirstOrDefault(s => s is not null);
                }
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters, bodySchema,
                    (bool?)body?["required"] ?? false, responses));
            }
        }
        return operations;
    }

    /// <summary>The node a <c>$ref</c> points to (transitively); other nodes as they are.</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        for (var hops = 0; hops < 32 && node is JsonObject o && o["$ref"] is JsonValue reference; hops++)
        {
            var pointer = ((string)reference!).TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries);
            JsonNode? target = document;
            foreach (var part in pointer) target = target?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            node = target ?? throw new InvalidOperationException($"Unresolvable $ref {reference}.");
        }
        return node;
    }

    private List<ApiParameter> Params(JsonArray? parameters) => parameters?.Select(p => Resolve(p)!)
        .Select(p => new ApiParameter((string)p["name"]!, (string)p["in"]!, (bool?)p["required"] ?? false, p["schema"])).ToList() ?? [];
}
