using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlow.Web.Security;
using CareFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>Request reading and problem responses shared by the Studio endpoints; bad input is 4xx problem+json, never 5xx.</summary>
internal static class StudioRequests
{
    /// <summary>The largest definition body accepted (Elsa's default document limit, 2 MiB).</summary>
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    /// <summary>The deepest JSON nesting accepted (System.Text.Json's default; Elsa definitions need fewer than 20 levels).</summary>
    public const int MaxDepth = 64;

    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpRequest request, bool optional, CancellationToken cancellationToken)
    {
        if (optional && (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding"))))
            return ([], null);
        if (!request.HasJsonContentType())
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Send the body as application/json."));
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                return (null, Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes."));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0 && optional)
            return ([], null);
        if (!System.Text.Unicode.Utf8.IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
            return (null, Invalid([new DefinitionError("$", "The body is not valid UTF-8.")]));
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            // The reader's path can be as long as the nesting; the position says where it went wrong.
            return (null, Invalid([new DefinitionError("$", "Malformed JSON: " + ex.Message)]));
        }
        if (node is not JsonObject body)
            return (null, Invalid([new DefinitionError("$", "The body must be a JSON object.")]));
        // NUL, other C0 controls and unpaired surrogates have no meaning in any Studio body and cannot be stored.
        var unreadable = new List<DefinitionError>();
        DefinitionTextRules.CheckStrings(body, "$", unreadable);
        return unreadable.Count > 0 ? (null, Invalid(unreadable)) : (body, null);
    }

    public static ProblemHttpResult Problem(int status, string detail, string? title = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    /// <summary>400 with every reason keyed by JSON path; the messages repeat the path because Studio shows only messages.</summary>
    public static ValidationProblem Invalid(IReadOnlyList<DefinitionError> problems) =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => $"{p.Path}: {p.Message}").ToArray()),
            detail: "The workflow definition was not saved: " + string.Join(" ", problems.Select(p => $"{p.Path}: {p.Message}")),
            title: "Invalid workflow definition");

    public static string? SessionOf(HttpContext context) => context.User.FindFirst(CareFlowClaimTypes.SessionId)?.Value;

    public static bool CanDesign(HttpContext context) => CareFlowPolicies.CanDesign(context.User);
}
