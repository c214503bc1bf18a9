using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace CareFlow.IntegrationTests.Fuzz;

/// <summary>One generated request: the URL with its path and query values, and the body as sent.</summary>
internal sealed record FuzzRequest(string Method, string Url, string? Body, string ContentType)
{
    public override string ToString() =>
        $"{Method} {Shorten(Url)}{(Body is null ? "" : $" [{ContentType}] {Shorten(Body)}")}";

    private static string Shorten(string text) => text.Length <= 300 ? text : $"{text[..300]}… ({text.Length} chars)";

    /// <summary>Requests for <paramref name="operation"/>: path ids of seeded rows or not, query and body values from the schema, broken bodies.</summary>
    public static Gen<FuzzRequest> For(ApiOperation operation, SchemaValues values, SeededIds ids)
    {
        var path = PathGen(operation, values, ids);
        var query = QueryGen(operation, values);
        var body = BodyGen(operation, values);
        return Gen.Select(path, query, body, (p, q, b) => new FuzzRequest(operation.Method, q.Length == 0 ? p : $"{p}?{q}", b.Body, b.ContentType));
    }

    private static Gen<string> PathGen(ApiOperation operation, SchemaValues values, SeededIds ids)
    {
        var segments = operation.Path.Split('/');
        var parts = new List<Gen<string>>();
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (!segment.StartsWith('{'))
            {
                parts.Add(Gen.Const(segment));
                continue;
            }
            var name = segment.Trim('{', '}');
            var parameter = operation.Parameters.FirstOrDefault(p => p.In == "path" && p.Name == name);
            var kind = name == "id" && i > 0 ? segments[i - 1] : name;
            var real = ids.For(kind);
            var isGuid = (string?)parameter?.Schema?["format"] == "uuid";
            var other = isGuid
                ? Gen.Frequency((5, Gen.Guid.Select(g => g.ToString())), (1, Gen.Const("not-a-guid")))
                // A NUL in the path never reaches the app (Kestrel answers 400 for it in the request line), and the
                // in-memory test server cannot even carry one; every other hostile string goes into path segments.
                : Gen.OneOf(HostileValues.Strings.Where(s => s.Length > 0 && !s.Contains('\0')).ToArray()).Select(Escape);
            parts.Add(real.Length > 0 ? Gen.Frequency((7, Gen.OneOf(real)), (3, other)) : other);
        }
        return parts.Aggregate(Gen.Const(""), (acc, part) => Gen.Select(acc, part, (a, p) => a.Length == 0 && p.Length == 0 ? "" : a + "/" + p))
            .Select(p => p.StartsWith("//", StringComparison.Ordinal) ? p[1..] : p);
    }

    private static Gen<string> QueryGen(ApiOperation operation, SchemaValues values)
    {
        var parts = operation.Parameters.Where(p => p.In == "query").Select(p =>
            Gen.Select(Gen.Int[0, 9], values.For(p.Schema, p.Name), (roll, value) =>
                roll < (p.Required ? 9 : 6) ? $"{Uri.EscapeDataString(p.Name)}={Escape(Text(value))}" : "")).ToList();
        parts.Add(Gen.Frequency((12, ""), (1, "=x"), (1, "unknown=1"), (1, "caseId=a&caseId=b"), (1, "stage=-1"), (1, "status=99")));
        return parts.Aggregate(Gen.Const(""), (acc, part) => Gen.Select(acc, part, (a, p) => p.Length == 0 ? a : a.Length == 0 ? p : a + "&" + p));
    }

    private static Gen<(string? Body, string ContentType)> BodyGen(ApiOperation operation, SchemaValues values)
    {
        if (operation.BodySchema is null && operation.Method == "GET") return Gen.Const<(string?, string)>((null, "application/json"));
        var shaped = values.For(operation.BodySchema, null).Select(v => ((string?)(v?.ToJsonString() ?? "null"), "application/json"));
        var broken = Gen.OneOf<(string?, string)>(
            ("", "application/json"), ("{", "application/json"), ("[]", "application/json"), ("\"text\"", "application/json"),
            ("{\"a\":1,\"a\":2}", "application/json"), (new string('[', 5_000) + new string(']', 5_000), "application/json"),
            ("{\"x\":\"\\ud800\"}", "application/json"), ("{}", "text/plain"), ("not json", "application/json"), (null, "application/json"));
        return Gen.Frequency((8, shaped), (2, broken));
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    /// <summary>Percent-encoding that keeps broken UTF-16 broken: a lone surrogate goes out as its (invalid) UTF-8 bytes.</summary>
    private static string Escape(string value)
    {
        var result = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                result.Append(Uri.EscapeDataString(value.AsSpan(i, 2)));
                i++;
            }
            else if (char.IsSurrogate(value[i]))
                result.Append("%ED%A0%80");
            else
                result.Append(Uri.EscapeDataString(value[i].ToString()));
        }
        return result.ToString();
    }
}
