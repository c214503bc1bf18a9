using System.Reflection;

namespace CareFlow.Workflows.Activities;

/// <summary>A registered activity class with its descriptor and the reflection data the runner needs.</summary>
public sealed class ActivityType
{
    internal ActivityType(Type clrType, ActivityAttribute attribute, ActivityDescriptor descriptor,
        IReadOnlyList<(InputDescriptor Descriptor, PropertyInfo Property)> inputs,
        IReadOnlyList<(OutputDescriptor Descriptor, PropertyInfo Property)> outputs)
    {
        ClrType = clrType;
        Attribute = attribute;
        Descriptor = descriptor;
        Inputs = inputs;
        Outputs = outputs;
        Prototype = (Activity)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(clrType);
    }

    /// <summary>The activity class.</summary>
    public Type ClrType { get; }

    /// <summary>The declaring attribute.</summary>
    public ActivityAttribute Attribute { get; }

    /// <summary>The Studio descriptor.</summary>
    public ActivityDescriptor Descriptor { get; }

    /// <summary>The JSON type name.</summary>
    public string TypeName => Descriptor.TypeName;

    /// <summary>Inputs with the properties they bind to.</summary>
    public IReadOnlyList<(InputDescriptor Descriptor, PropertyInfo Property)> Inputs { get; }

    /// <summary>Outputs with the properties they are read from.</summary>
    public IReadOnlyList<(OutputDescriptor Descriptor, PropertyInfo Property)> Outputs { get; }

    /// <summary>An uninitialised instance, used only to ask for dynamic ports.</summary>
    internal Activity Prototype { get; }

    /// <summary>
    /// Whether an execution can stop the burst and wait to be resumed: declared with <see cref="ActivityAttribute.Waits"/>
    /// (timers, which complete on their own bookmark) or able to be resumed (it overrides <see cref="Activity.ResumeAsync"/>).
    /// </summary>
    public bool CanWait => Attribute.Waits
        || ClrType.GetMethod(nameof(Activity.ResumeAsync), [typeof(ActivityContext), typeof(Runtime.Bookmark), typeof(System.Text.Json.Nodes.JsonObject)])?.DeclaringType != typeof(Activity);

    /// <summary>The ports an activity of this type offers, given its JSON.</summary>
    public IReadOnlyCollection<string> PortsFor(System.Text.Json.Nodes.JsonObject node)
    {
        var ports = new HashSet<string>(Descriptor.Ports.Select(p => p.Name), StringComparer.Ordinal);
        if (Prototype.GetDynamicPorts(node) is { } dynamic) ports.UnionWith(dynamic);
        if (!Attribute.HasNamedOutcomesOnly && !Attribute.IsTerminal) ports.Add(ActivityPorts.Done);
        return ports;
    }
}
