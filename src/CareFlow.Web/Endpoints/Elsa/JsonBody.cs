using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>Reads an optional JSON object body and typed fields from it, with problem details naming the field on error.</summary>
internal static class JsonBody
{
    private const int MaxBytes = 1024 * 1024;

    public static async Task<(JsonObject Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true) return ([], null);
        if (request.ContentLength > MaxBytes) return ([], Invalid("$", "The body is larger than 1 MiB."));
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return node switch
            {
                null => ([], null),
                JsonObject o => (o, null),
                _ => ([], Invalid("$", "The body must be a JSON object.")),
            };
        }
        catch (JsonException ex)
        {
            return ([], Invalid(ex.Path ?? "$", "Malformed JSON: " + ex.Message.Split(". ")[0]));
        }
    }

    public static bool TryString(JsonObject body, string name, out string? value, out IResult? problem)
    {
        value = null;
        problem = null;
        var node = body[name];
        if (node is null) return true;
        if (node is JsonValue v && v.TryGetValue(out string? s))
        {
            value = string.IsNullOrWhiteSpace(s) ? null : s;
            return true;
        }

        problem = Invalid("$." + name, $"{name} must be a string.");
        return false;
    }

    public static bool TryObject(JsonObject body, string name, out JsonObject? value, out IResult? problem)
    {
        value = null;
        problem = null;
        var node = body[name];
        if (node is null) return true;
        if (node is JsonObject o)
        {
            value = o.DeepClone().AsObject();
            return true;
        }

        problem = Invalid("$." + name, $"{name} must be a JSON object.");
        return false;
    }

    public static IResult Invalid(string path, string message) => TypedResults.Problem(
        title: "The request is not valid.",
        detail: $"{path}: {message}",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [path] = [message] } });
}
