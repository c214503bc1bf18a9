using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CareFlow.Workflows.Runtime;

/// <summary>
/// Keeps an instance's state within <see cref="WorkflowBudget.MaxStateBytes"/>: a variable write that would take the
/// variables past the budget is refused before it is stored, and the whole state is measured once when the burst ends.
/// </summary>
internal sealed class StateSizeGuard(WorkflowState state, int maxBytes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private Dictionary<string, long>? _sizes;
    private long _total;

    public int MaxBytes => maxBytes;

    /// <summary>Throws when storing <paramref name="value"/> in variable <paramref name="id"/> would exceed the budget.</summary>
    public void BeforeVariableWrite(string id, JsonNode? value)
    {
        if (_sizes is null)
        {
            _sizes = state.Variables.ToDictionary(v => v.Key, v => SizeOf(v.Value), StringComparer.Ordinal);
            _total = SizeOf(state.Input) + _sizes.Values.Sum();
        }

        var size = SizeOf(value);
        var total = _total - _sizes.GetValueOrDefault(id) + size;
        if (total > maxBytes)
        {
            throw new WorkflowBudgetExceededException(string.Create(CultureInfo.InvariantCulture,
                $"State size budget of {maxBytes} bytes exceeded: the value for this variable would bring the state's variables and input to {total} bytes."));
        }

        _sizes[id] = size;
        _total = total;
    }

    /// <summary>The state's size as JSON, in bytes.</summary>
    public static long Measure(WorkflowState state) => JsonSerializer.SerializeToUtf8Bytes(state, Json).LongLength;

    private static long SizeOf(JsonNode? node) => node is null ? 4 : Encoding.UTF8.GetByteCount(node.ToJsonString());
}
