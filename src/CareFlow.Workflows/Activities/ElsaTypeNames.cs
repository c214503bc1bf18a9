using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Activities;

/// <summary>Maps CLR types to Elsa's type-name strings.</summary>
public static class ElsaTypeNames
{
    private static readonly Dictionary<Type, string> Known = new()
    {
        [typeof(string)] = "String", [typeof(bool)] = "Boolean", [typeof(int)] = "Int32", [typeof(long)] = "Int64",
        [typeof(short)] = "Int16", [typeof(double)] = "Double", [typeof(float)] = "Single", [typeof(decimal)] = "Decimal",
        [typeof(Guid)] = "Guid", [typeof(DateTime)] = "DateTime", [typeof(DateTimeOffset)] = "DateTimeOffset",
        [typeof(TimeSpan)] = "TimeSpan", [typeof(object)] = "Object", [typeof(JsonNode)] = "Object",
        [typeof(JsonObject)] = "Object", [typeof(JsonArray)] = "Object",
    };

    /// <summary>The Elsa type name of a CLR type, e.g. <c>Int32</c>, <c>String[]</c>, <c>List&lt;String&gt;</c>.</summary>
    public static string Of(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) return Of(underlying) + "?";
        if (Known.TryGetValue(type, out var name)) return name;
        if (type.IsArray) return Of(type.GetElementType()!) + "[]";
        if (type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
            return $"List<{Of(type.GetGenericArguments()[0])}>";
        return type.Name;
    }
}
