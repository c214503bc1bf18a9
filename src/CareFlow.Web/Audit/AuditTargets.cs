using Microsoft.AspNetCore.Routing.Patterns;

namespace CareFlow.Web.Audit;

/// <summary>
/// Which record a request is about (ids only): what the handler declared with <see cref="Declare"/> (ids that come
/// in a form field, or records a POST creates), else the route values.
/// </summary>
public static class AuditTargets
{
    private const string DeclaredItem = "careflow.audit.target";

    /// <summary>Names the record this request reads or changes, for handlers whose id is not in the route.</summary>
    public static void Declare(HttpContext http, string type, Guid id)
    {
        http.Items[DeclaredItem] = (type, id.ToString());
    }

    /// <summary>Route parameter names (common convention) and the record type they name.</summary>
    private static readonly Dictionary<string, string> ByParameter = new(StringComparer.OrdinalIgnoreCase)
    {
        ["caseId"] = "case",
        ["clientId"] = "client",
        ["referralId"] = "referral",
        ["taskId"] = "task",
        ["consentId"] = "consent",
        ["instanceId"] = "workflow-instance",
        ["checkInId"] = "check-in",
        ["serviceId"] = "service",
        ["organizationId"] = "organization",
        ["userName"] = "user",
    };

    /// <summary>For <c>{id}</c>: the resource segment in front of it (<c>/api/cases/{id}</c> → case).</summary>
    private static readonly Dictionary<string, string> ByResource = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cases"] = "case",
        ["clients"] = "client",
        ["referrals"] = "referral",
        ["tasks"] = "task",
        ["consents"] = "consent",
        ["check-ins"] = "check-in",
        ["workflow-instances"] = "workflow-instance",
        ["services"] = "service",
        ["outbox"] = "outbox-message",
        ["users"] = "user",
    };

    internal static string RouteOf(HttpContext http) =>
        http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } raw } ? (raw.StartsWith('/') ? raw : "/" + raw) : http.Request.Path.Value ?? "/";

    /// <summary>The last id-like parameter of the route pattern with its value, e.g. (referral, 3f2…).</summary>
    internal static (string? Type, string? Id) From(HttpContext http)
    {
        if (http.Items.TryGetValue(DeclaredItem, out var declared) && declared is (string declaredType, string declaredId))
            return (declaredType, declaredId);
        if (http.GetEndpoint() is not RouteEndpoint endpoint)
            return (null, null);
        (string?, string?) found = (null, null);
        string? previousLiteral = null;
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            foreach (var part in segment.Parts)
            {
                if (part is RoutePatternLiteralPart literal)
                {
                    previousLiteral = literal.Content;
                    continue;
                }
                if (part is not RoutePatternParameterPart parameter)
                    continue;
                var type = TypeOf(parameter.Name, previousLiteral);
                if (type is not null && http.Request.RouteValues.TryGetValue(parameter.Name, out var value) && value is not null)
                    found = (type, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return found;
    }

    /// <summary>The record type a parameter names, or null when it names none CareFlow knows.</summary>
    internal static string? TypeOf(string parameter, string? resourceInFront) =>
        ByParameter.TryGetValue(parameter, out var type) ? type
        : string.Equals(parameter, "id", StringComparison.OrdinalIgnoreCase) && resourceInFront is not null
            && ByResource.TryGetValue(resourceInFront, out var byResource) ? byResource
        : null;
}
