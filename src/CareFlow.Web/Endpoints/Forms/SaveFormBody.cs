using System.Text.Json.Nodes;

namespace CareFlow.Web.Endpoints.Forms;

/// <summary>
/// A form save: the form-js <c>schema</c> (its <c>id</c> is the form id in the address) and the
/// <c>concurrencyStamp</c> of the version the editor opened, or null for a new form.
/// </summary>
public sealed record SaveFormBody(JsonNode? Schema, Guid? ConcurrencyStamp);
