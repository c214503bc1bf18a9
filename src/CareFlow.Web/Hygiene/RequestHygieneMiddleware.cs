using CareFlow.Core.Hygiene;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace CareFlow.Web.Hygiene;

/// <summary>
/// One gate for text every request brings in, before any endpoint, page or database sees it: the path, each query
/// key and value, every string (and property name) of a JSON body, and every form field. Text that
/// <see cref="TextHygiene.Problem"/> refuses (NUL, control and bidi characters, lone surrogates, invalid UTF-8) is
/// answered 400 application/problem+json naming the query key, form field or JSON path; nothing runs.
/// A query pair with an empty key names nothing and is dropped. Malformed JSON is left to the endpoint, which
/// reports it in its own terms.
/// </summary>
internal sealed class RequestHygieneMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var refusal = PathProblem(request) ?? QueryProblem(request);
        if (refusal is null && IsJson(request.ContentType) && request.ContentLength is not 0) refusal = await JsonProblemAsync(request, context.RequestAborted);
        else if (refusal is null && request.HasFormContentType) refusal = await FormProblemAsync(request, context.RequestAborted);
        if (refusal is { } refused)
        {
            await TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refused.Field] = [refused.Message] },
                title: "The request was refused.", detail: $"{refused.Field}: {refused.Message}").ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static (string Field, string Message)? PathProblem(HttpRequest request) =>
        TextHygiene.Problem(request.Path.Value, allowLineBreaks: false) is { } problem ? ("path", problem) : null;

    private static (string Field, string Message)? QueryProblem(HttpRequest request)
    {
        if (!request.QueryString.HasValue) return null;
        var pairs = QueryHelpers.ParseQuery(request.QueryString.Value);
        if (pairs.ContainsKey(""))
        {
            // "?=x": a value without a name binds to nothing; drop it so no handler has to think about an empty key.
            var kept = new QueryBuilder(pairs.Where(p => p.Key.Length > 0).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))));
            request.QueryString = kept.ToQueryString();
        }

        foreach (var (key, values) in pairs)
        {
            if (TextHygiene.Problem(key, allowLineBreaks: false) is { } keyProblem) return ("query", "A query parameter name " + char.ToLowerInvariant(keyProblem[0]) + keyProblem[1..]);
            foreach (var value in values)
            {
                if (TextHygiene.Problem(value, allowLineBreaks: false) is { } problem) return (key, problem);
            }
        }

        return null;
    }

    private static async Task<(string Field, string Message)?> FormProblemAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return null; // a malformed or oversized form is the endpoint's to refuse
        }

        foreach (var (key, values) in form)
        {
            if (TextHygiene.Problem(key, allowLineBreaks: false) is { } keyProblem) return ("form", "A form field name " + char.ToLowerInvariant(keyProblem[0]) + keyProblem[1..]);
            foreach (var value in values)
            {
                if (TextHygiene.Problem(value) is { } problem) return (key, problem);
            }
        }

        return null;
    }

    private static async Task<(string Field, string Message)?> JsonProblemAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        request.Body.Position = 0;
        return JsonStrings.FindProblem(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
