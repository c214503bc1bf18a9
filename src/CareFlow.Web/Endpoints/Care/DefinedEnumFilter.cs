using System.Reflection;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>
/// Refuses a query value for an enum parameter that is not one of the enum's names: minimal APIs bind enums with
/// <see cref="Enum.TryParse(Type, string?, out object?)"/>, which also takes numbers (<c>?stage=-1</c>) and comma
/// lists, so an undefined value would reach the query as a filter. The JSON body refuses numbers through the
/// serializer options (<c>JsonStringEnumConverter</c> without integer values).
/// </summary>
internal static class DefinedEnumFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var enums = context.MethodInfo.GetParameters()
            .Select(p => (p.Name, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Where(p => p.Type.IsEnum && p.Name is not null && !IsRouteParameter(context, p.Name))
            .Select(p => (Name: p.Name!, Names: Enum.GetNames(p.Type)))
            .ToList();
        if (enums.Count == 0) return next;
        return invocation =>
        {
            var query = invocation.HttpContext.Request.Query;
            foreach (var (name, names) in enums)
            {
                if (!query.TryGetValue(name, out var values)) continue;
                foreach (var value in values)
                {
                    if (!names.Any(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)))
                        return ValueTask.FromResult<object?>(CareProblems.Field(name, $"'{name}' must be one of: {string.Join(", ", names)}."));
                }
            }
            return next(invocation);
        };
    }

    private static bool IsRouteParameter(EndpointFilterFactoryContext context, string name) =>
        context.MethodInfo.GetParameters().Any(p => p.Name == name && p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromRouteAttribute>() is not null);
}
