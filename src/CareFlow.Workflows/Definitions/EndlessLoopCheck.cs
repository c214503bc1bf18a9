using System.Globalization;
using CareFlow.Workflows.Activities;

namespace CareFlow.Workflows.Definitions;

/// <summary>
/// Finds loops that can go round without end inside one burst: a cycle of connections that passes no activity that
/// waits (<see cref="ActivityType.CanWait"/>) and no decision that can leave it. A decision is an activity that chooses
/// one of several ports (not a fork, which follows them all); it can leave a loop when one of its ports has no
/// connection back into the loop. Loops the check lets through (a decision whose condition never turns) are stopped at
/// run time by the burst budget.
/// </summary>
internal static class EndlessLoopCheck
{
    /// <summary>One error per endless loop, at the first connection of the loop.</summary>
    public static IEnumerable<DefinitionError> Find(FlowchartModel flowchart, IReadOnlyDictionary<string, ActivityType> types)
    {
        var remaining = flowchart.Activities.Where(a => types.TryGetValue(a.Id, out var t) && !t.CanWait).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var component in StronglyConnected(flowchart, remaining))
            {
                var inside = component.ToHashSet(StringComparer.Ordinal);
                var internalConnections = flowchart.Connections.Where(c => inside.Contains(c.Source) && inside.Contains(c.Target)).ToList();
                if (internalConnections.Count == 0) continue;
                var exits = component.Where(id => CanLeave(flowchart, types[id], id, inside)).ToList();
                if (exits.Count > 0)
                {
                    // Cycles through a decision with an exit are fine; look again at the cycles that avoid it.
                    remaining.ExceptWith(exits);
                    changed = true;
                    continue;
                }

                remaining.ExceptWith(component);
                var first = internalConnections.MinBy(c => c.Index)!;
                var names = flowchart.Activities.Where(a => inside.Contains(a.Id)).Select(a => $"'{a.Id}'").ToList();
                yield return new DefinitionError(string.Create(CultureInfo.InvariantCulture, $"$.root.connections[{first.Index}]"),
                    $"Activities {string.Join(", ", names)} form a loop that never waits (an event, a delay, a timer or a CareFlow task) "
                    + "and has no decision that can leave it, so it would run without end. Add a waiting activity or a decision with a way out of the loop.");
            }
        }
    }

    private static bool CanLeave(FlowchartModel flowchart, ActivityType type, string id, HashSet<string> loop)
    {
        if (type.Attribute.FollowsEveryPort) return false;
        var ports = type.PortsFor(flowchart.Find(id)!.Json);
        if (ports.Count < 2) return false;
        var outbound = flowchart.Connections.Where(c => c.Source == id).ToList();
        return ports.Any(port => !outbound.Any(c => (string.IsNullOrEmpty(c.SourcePort) ? ActivityPorts.Done : c.SourcePort) == port && loop.Contains(c.Target)));
    }

    /// <summary>Tarjan's strongly connected components over <paramref name="nodes"/>, iteratively (definitions may be large).</summary>
    private static List<List<string>> StronglyConnected(FlowchartModel flowchart, HashSet<string> nodes)
    {
        var successors = nodes.ToDictionary(n => n, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var c in flowchart.Connections)
        {
            if (nodes.Contains(c.Source) && nodes.Contains(c.Target)) successors[c.Source].Add(c.Target);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var result = new List<List<string>>();
        var counter = 0;
        foreach (var root in flowchart.Activities.Select(a => a.Id).Where(nodes.Contains))
        {
            if (index.ContainsKey(root)) continue;
            var work = new Stack<(string Node, int Next)>();
            work.Push((root, 0));
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack.Add(root);
            while (work.TryPop(out var frame))
            {
                var next = successors[frame.Node];
                if (frame.Next < next.Count)
                {
                    work.Push((frame.Node, frame.Next + 1));
                    var target = next[frame.Next];
                    if (!index.TryGetValue(target, out var targetIndex))
                    {
                        index[target] = low[target] = counter++;
                        stack.Push(target);
                        onStack.Add(target);
                        work.Push((target, 0));
                    }
                    else if (onStack.Contains(target)) low[frame.Node] = Math.Min(low[frame.Node], targetIndex);

                    continue;
                }

                if (work.TryPeek(out var parent)) low[parent.Node] = Math.Min(low[parent.Node], low[frame.Node]);
                if (low[frame.Node] != index[frame.Node]) continue;
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != frame.Node);
                result.Add(component);
            }
        }

        return result;
    }
}
