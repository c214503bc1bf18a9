using CareFlow.Workflows.Definitions;

namespace CareFlow.Workflows.Runtime;

/// <summary>
/// The counter-mode view of a flowchart: outbound connections in array order, forward inbound connections,
/// and backward (loop) connections found by a depth-first walk from the start activity.
/// </summary>
internal sealed class FlowGraph
{
    private readonly Dictionary<string, List<Connection>> _outbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Connection>> _forwardInbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _backward = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _reachCache = new(StringComparer.Ordinal);

    public FlowGraph(FlowchartModel flowchart, string startActivityId)
    {
        Flowchart = flowchart;
        StartActivityId = startActivityId;
        foreach (var connection in flowchart.Connections)
        {
            Outbound(connection.Source).Add(connection);
        }

        if (startActivityId.Length > 0) ClassifyFrom(startActivityId);
        foreach (var connection in flowchart.Connections.Where(c => !_backward.ContainsKey(c.Key)))
        {
            Inbound(connection.Target).Add(connection);
        }
    }

    public FlowchartModel Flowchart { get; }

    public string StartActivityId { get; }

    public IReadOnlyList<Connection> OutboundOf(string activityId) => _outbound.GetValueOrDefault(activityId) ?? [];

    public IReadOnlyList<Connection> ForwardInboundOf(string activityId) => _forwardInbound.GetValueOrDefault(activityId) ?? [];

    public bool IsBackward(Connection connection, out bool isValid) => _backward.TryGetValue(connection.Key, out isValid);

    /// <summary>Whether <paramref name="to"/> can be reached from <paramref name="from"/> along forward connections.</summary>
    public bool Reaches(string from, string to)
    {
        if (!_reachCache.TryGetValue(from, out var reach))
        {
            reach = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>([from]);
            while (stack.TryPop(out var current))
            {
                foreach (var c in OutboundOf(current).Where(c => !_backward.ContainsKey(c.Key)))
                {
                    if (reach.Add(c.Target)) stack.Push(c.Target);
                }
            }

            _reachCache[from] = reach;
        }

        return reach.Contains(to);
    }

    private List<Connection> Outbound(string id) => _outbound.TryGetValue(id, out var list) ? list : _outbound[id] = [];

    private List<Connection> Inbound(string id) => _forwardInbound.TryGetValue(id, out var list) ? list : _forwardInbound[id] = [];

    private void ClassifyFrom(string start)
    {
        // Iterative DFS: an edge into a node still on the stack closes a cycle, so it is backward.
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(string Node, int Next)>();
        stack.Push((start, 0));
        onStack.Add(start);
        var backward = new List<Connection>();
        while (stack.TryPop(out var frame))
        {
            var edges = OutboundOf(frame.Node);
            if (frame.Next >= edges.Count)
            {
                onStack.Remove(frame.Node);
                done.Add(frame.Node);
                continue;
            }

            stack.Push((frame.Node, frame.Next + 1));
            var edge = edges[frame.Next];
            if (onStack.Contains(edge.Target)) backward.Add(edge);
            else if (!done.Contains(edge.Target))
            {
                onStack.Add(edge.Target);
                stack.Push((edge.Target, 0));
            }
        }

        foreach (var edge in backward) _backward[edge.Key] = false;
        foreach (var edge in backward) _backward[edge.Key] = TargetDominatesSource(edge, start);
    }

    /// <summary>A loop edge is valid when every forward path from the start to its source passes through its target.</summary>
    private bool TargetDominatesSource(Connection edge, string start)
    {
        if (edge.Target == start) return true;
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var stack = new Stack<string>([start]);
        while (stack.TryPop(out var current))
        {
            if (current == edge.Source) return false;
            foreach (var c in OutboundOf(current).Where(c => !_backward.ContainsKey(c.Key) && c.Target != edge.Target))
            {
                if (seen.Add(c.Target)) stack.Push(c.Target);
            }
        }

        return true;
    }
}
