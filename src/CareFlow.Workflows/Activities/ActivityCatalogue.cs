using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlow.Workflows.Activities.Builtins;

namespace CareFlow.Workflows.Activities;

/// <summary>Every activity type the engine can run, keyed by JSON type name, with their Studio descriptors.</summary>
public sealed class ActivityCatalogue
{
    private readonly Dictionary<string, ActivityType> _types = new(StringComparer.Ordinal);

    /// <summary>Creates a catalogue of the built-ins plus the given activity classes.</summary>
    public ActivityCatalogue(IEnumerable<Type>? additionalTypes = null)
    {
        foreach (var type in BuiltinActivities.Types.Concat(additionalTypes ?? []))
        {
            var activityType = Describe(type);
            _types[activityType.TypeName] = activityType;
        }
    }

    /// <summary>All registered types.</summary>
    public IReadOnlyCollection<ActivityType> Types => _types.Values;

    /// <summary>All descriptors, ordered by category then display name.</summary>
    public IEnumerable<ActivityDescriptor> Descriptors =>
        _types.Values.Select(t => t.Descriptor).OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.DisplayName, StringComparer.Ordinal);

    /// <summary>Finds a type by JSON type name.</summary>
    public bool TryGet(string typeName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActivityType? type) =>
        _types.TryGetValue(typeName, out type);

    /// <summary>Builds the descriptor of an activity class from its attributes.</summary>
    public static ActivityType Describe(Type type)
    {
        if (!typeof(Activity).IsAssignableFrom(type) || type.IsAbstract)
            throw new ArgumentException($"{type.FullName} is not a concrete activity.", nameof(type));
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type.FullName} has no [Activity] attribute.", nameof(type));
        var name = attribute.Name ?? type.Name;
        var inputs = new List<(InputDescriptor, PropertyInfo)>();
        var outputs = new List<(OutputDescriptor, PropertyInfo)>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<InputAttribute>() is { } input) inputs.Add((DescribeInput(property, input), property));
            if (property.GetCustomAttribute<OutputAttribute>() is { } output)
            {
                outputs.Add((new OutputDescriptor(property.Name, ElsaTypeNames.Of(property.PropertyType),
                    output.DisplayName ?? property.Name, output.Description), property));
            }
        }

        var descriptor = new ActivityDescriptor
        {
            TypeName = $"{attribute.Namespace}.{name}",
            Namespace = attribute.Namespace,
            Name = name,
            Category = attribute.Category,
            DisplayName = attribute.DisplayName ?? name,
            Description = attribute.Description,
            Kind = attribute.Kind,
            IsBrowsable = attribute.IsBrowsable,
            IsStart = attribute.IsStart,
            IsTerminal = attribute.IsTerminal,
            IsContainer = type == typeof(Flowchart),
            Inputs = [.. inputs.Select(i => i.Item1)],
            Outputs = [.. outputs.Select(o => o.Item1)],
            Ports = [.. type.GetCustomAttributes<FlowPortAttribute>().Select(p => new PortDescriptor(p.Name, p.DisplayName ?? p.Name))],
        };
        return new ActivityType(type, attribute, descriptor, inputs, outputs);
    }

    private static InputDescriptor DescribeInput(PropertyInfo property, InputAttribute input)
    {
        var clr = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var options = input.Options ?? (clr.IsEnum ? Enum.GetNames(clr) : null);
        var uiHint = input.UIHint ?? (clr == typeof(bool) ? "checkbox" : options is not null || input.OptionsSource is not null ? "dropdown" : "singleline");
        JsonObject? specs = null;
        if (options is not null)
        {
            var items = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["text"] = o, ["value"] = o })]);
            specs = new JsonObject { ["dropdown"] = new JsonObject { ["selectList"] = new JsonObject { ["items"] = items } } };
        }

        return new InputDescriptor
        {
            Name = property.Name,
            TypeName = ElsaTypeNames.Of(property.PropertyType),
            DisplayName = input.DisplayName ?? property.Name,
            Description = input.Description,
            Order = input.Order,
            Category = input.Category,
            IsWrapped = input.IsWrapped,
            UIHint = uiHint,
            DefaultValue = input.DefaultValue is null ? null : JsonSerializer.SerializeToNode(input.DefaultValue),
            DefaultSyntax = "Literal",
            UISpecifications = specs,
            IsRequired = input.Required,
            AllowScript = input.AllowScript,
            OptionsSource = input.OptionsSource,
        };
    }
}
