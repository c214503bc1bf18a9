using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;

namespace CareFlow.IntegrationTests.Fuzz;

/// <summary>
/// CsCheck generators of JSON values for an OpenAPI schema: mostly values of the documented shape (real ids of seeded
/// rows where a property or parameter names one, enum members, dates, boundary numbers), the rest hostile (wrong JSON
/// types, strings from <see cref="HostileValues"/>, undefined enum numbers, missing required and unknown properties).
/// </summary>
internal sealed class SchemaValues(ApiContract contract, SeededIds ids)
{
    private const int MaxDepth = 4;

    public Gen<JsonNode?> For(JsonNode? schema, string? name, int depth = 0)
    {
        var resolved = contract.Resolve(schema) as JsonObject;
        var shaped = Shaped(resolved, name, depth);
        return Gen.Frequency((7, shaped), (3, Hostile(resolved, depth)));
    }

    /// <summary>A value of the documented shape.</summary>
    public Gen<JsonNode?> Shaped(JsonObject? schema, string? name, int depth)
    {
        if (schema is null || schema.Count == 0) return Untyped();
        foreach (var choice in new[] { "oneOf", "anyOf" })
            if (schema[choice] is JsonArray options && options.Count > 0)
                return Gen.OneOf(options.Select(o => Shaped(contract.Resolve(o) as JsonObject, name, depth)).ToArray());
        if (schema["allOf"] is JsonArray all && all.Count > 0)
            return Shaped(contract.Resolve(all[0]) as JsonObject, name, depth);
        if (schema["enum"] is JsonArray members && members.Count > 0)
            return Gen.Int[0, members.Count - 1].Select(i => members[i]?.DeepClone());
        var types = Types(schema);
        var nonNull = types.Where(t => t != "null").ToArray();
        var gens = new List<(int, IGen<JsonNode?>)>();
        foreach (var type in nonNull.Length == 0 ? ["object"] : nonNull)
            gens.Add((5, type switch
            {
                "string" => String(schema, name),
                "integer" => Integer(schema),
                "number" => Gen.OneOf(HostileValues.Numbers).Select(n => (JsonNode?)JsonNode.Parse(n)),
                "boolean" => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
                "array" => Array(schema, name, depth),
                _ => Object(schema, depth),
            }));
        if (types.Contains("null")) gens.Add((1, Gen.Const((JsonNode?)null)));
        return Gen.Frequency(gens.ToArray());
    }

    /// <summary>A value the schema does not describe, or a string that is hard on storage and rendering.</summary>
    private Gen<JsonNode?> Hostile(JsonObject? schema, int depth)
    {
        var gens = new List<Gen<JsonNode?>>
        {
            Gen.OneOf(HostileValues.Strings).Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.OneOf(HostileValues.Numbers).Select(n => JsonNode.Parse(n)),
            Gen.Const((JsonNode?)null),
            Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            Fresh(() => (JsonNode?)new JsonArray(JsonValue.Create("x"), JsonValue.Create(1))),
            Fresh(() => (JsonNode?)new JsonObject { ["unexpected"] = "value" }),
        };
        if (schema is not null && (schema["enum"] is not null || IsEnumRef(schema)))
            gens.Add(Gen.OneOf(HostileValues.UndefinedEnumNumbers).Select(n => JsonNode.Parse(n)));
        if (schema?["enum"] is JsonArray members && members.Count > 0)
            gens.Add(Gen.Int[0, members.Count - 1].Select(i => (JsonNode?)JsonValue.Create(i)));
        if (depth < MaxDepth && schema?["properties"] is JsonObject)
            gens.Add(Object(schema, depth + 1, dropRequired: true));
        return Gen.OneOf(gens.ToArray());
    }

    private static bool IsEnumRef(JsonObject schema) => schema["anyOf"] is JsonArray a && a.Any(o => o?["enum"] is not null);

    private Gen<JsonNode?> String(JsonObject schema, string? name)
    {
        var format = (string?)schema["format"];
        var hint = name ?? "";
        var candidates = format switch
        {
            "uuid" => ids.For(hint) is { Length: > 0 } real
                ? Gen.Frequency((6, Gen.OneOf(real)), (2, Gen.Guid.Select(g => g.ToString())), (1, Gen.Const(Guid.Empty.ToString())))
                : Gen.Frequency((4, Gen.Guid.Select(g => g.ToString())), (1, Gen.Const(Guid.Empty.ToString()))),
            "date" => Gen.OneOf("1990-05-01", "2099-12-31", "0001-01-01", "9999-12-31", "2026-02-30", "1900-01-01", "2027-06-15"),
            "date-time" => Gen.OneOf("2026-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2027-06-15T10:30:00+02:00"),
            "email" => Gen.OneOf("rosa@example.org", "a@b", "not-an-email"),
            _ => ids.For(hint) is { Length: > 0 } known ? Gen.OneOf(known) : Words(hint),
        };
        return candidates.Select(s => (JsonNode?)JsonValue.Create(s));
    }

    private static Gen<string> Words(string hint)
    {
        var lower = hint.ToLowerInvariant();
        if (lower.Contains("email", StringComparison.Ordinal)) return Gen.OneOf("rosa@example.org", "referrals@harbor-housing.example");
        if (lower.Contains("phone", StringComparison.Ordinal)) return Gen.OneOf("555-123-4567", "+1 (555) 000-1111");
        if (lower.Contains("language", StringComparison.Ordinal)) return Gen.OneOf("en", "es");
        return Gen.OneOf("Rosa", "Diaz", "Housing referral", "CareFlow Demo Program", "phone", "Client (electronic signature)", "Mx. O'Brien-Núñez");
    }

    private static Gen<JsonNode?> Integer(JsonObject schema)
    {
        var minimum = (long?)(double?)schema["minimum"];
        var maximum = (long?)(double?)schema["maximum"];
        var edges = new List<string> { "0", "1", "-1", "2147483647", "-2147483648", "2147483648", "1.5", "1e20" };
        if (minimum is { } min) edges.AddRange([min.ToString(CultureInfo.InvariantCulture), (min - 1).ToString(CultureInfo.InvariantCulture)]);
        if (maximum is { } max) edges.AddRange([max.ToString(CultureInfo.InvariantCulture), (max + 1).ToString(CultureInfo.InvariantCulture)]);
        return Gen.OneOf(edges.ToArray()).Select(n => JsonNode.Parse(n));
    }

    private Gen<JsonNode?> Array(JsonObject schema, string? name, int depth)
    {
        if (depth >= MaxDepth) return Fresh(() => (JsonNode?)new JsonArray());
        var item = For(schema["items"], name, depth + 1);
        return item.Array[0, 3].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()));
    }

    private Gen<JsonNode?> Object(JsonObject schema, int depth, bool dropRequired = false)
    {
        if (depth >= MaxDepth) return Fresh(() => (JsonNode?)new JsonObject());
        var properties = (schema["properties"] as JsonObject)?.ToList() ?? [];
        var required = (schema["required"] as JsonArray)?.Select(r => (string?)r).ToHashSet() ?? [];
        var parts = properties.Select(p =>
        {
            var keep = required.Contains(p.Key) && !dropRequired ? Gen.Int[0, 19].Select(i => i > 0) : Gen.Int[0, 9].Select(i => i < 6);
            return Gen.Select(keep, For(p.Value, p.Key, depth + 1), (k, v) => (Name: p.Key, Keep: k, Value: v));
        }).ToList();
        var extra = schema["additionalProperties"] is JsonObject additional
            ? Gen.Select(Gen.OneOf(ids.DictionaryKeys.Concat(["", "unknown", "a\u0000b", "\u202E"]).ToArray()), For(additional, null, depth + 1)).Array[0, 4]
            : Gen.Select(Gen.Const("unexpected"), For(null, null, depth + 1)).Array[0, 1];
        var all = Combine(parts.ToArray());
        return Gen.Select(all, extra, ((string, bool, JsonNode?)[] props, (string, JsonNode?)[] more) =>
        {
            var result = new JsonObject();
            foreach (var (key, keep, value) in props)
                if (keep) result[key] = value?.DeepClone();
            foreach (var (key, value) in more)
                result[key] = value?.DeepClone();
            return (JsonNode?)result;
        });
    }

    private static Gen<(string, bool, JsonNode?)[]> Combine(Gen<(string Name, bool Keep, JsonNode? Value)>[] parts) =>
        parts.Aggregate(Gen.Const(System.Array.Empty<(string, bool, JsonNode?)>()),
            (acc, part) => Gen.Select(acc, part, (list, p) => list.Append(((string, bool, JsonNode?))p).ToArray()));

    /// <summary>A schema that says nothing (a free-form object): an object naming seeded rows, a string or null.</summary>
    private Gen<JsonNode?> Untyped() => Gen.Frequency(
        (4, Gen.Select(Gen.OneOf(ids.For("service")), Gen.OneOf(ids.For("need").Append(Guid.Empty.ToString()).ToArray()), Gen.Bool,
            (service, need, withNeed) => (JsonNode?)(withNeed ? new JsonObject { ["serviceId"] = service, ["needId"] = need } : new JsonObject { ["serviceId"] = service }))),
        (1, Gen.OneOf(HostileValues.Strings).Select(s => (JsonNode?)JsonValue.Create(s))),
        (1, Fresh(() => (JsonNode?)new JsonObject())),
        (1, Gen.Const((JsonNode?)null)));

    /// <summary>A new node per generated value (a node has one parent, so it is never shared).</summary>
    private static Gen<JsonNode?> Fresh(Func<JsonNode?> make) => Gen.Int[0, 0].Select(_ => make());

    private static string[] Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray array => array.Select(t => (string)t!).ToArray(),
        JsonValue value => [(string)value!],
        _ => schema["properties"] is not null ? ["object"] : [],
    };
}
