namespace CareFlow.Web.Security;

/// <summary>
/// Marks a page model, or an endpoint (as metadata), that reads or changes client data. Every request to such an
/// endpoint is written to the audit log (who, what, when, from where, outcome) and its response is never cached
/// (<c>Cache-Control: no-store</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class ClientDataAttribute : Attribute;
