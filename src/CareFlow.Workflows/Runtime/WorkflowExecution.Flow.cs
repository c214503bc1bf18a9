using System.Text.Json.Nodes;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Activities.Builtins;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Expressions;

namespace CareFlow.Workflows.Runtime;

/// <summary>Counter-mode flowchart scheduling (Elsa 3.8's default): visits, implicit joins, skips and loops.</summary>
internal sealed partial class WorkflowExecution
{
    private void Complete(ActivityNode node, string instanceId, bool viaBackward, IReadOnlyList<string> outcomes)
    {
        Journal(node, instanceId, "Completed", payload: new JsonObject { ["outcomes"] = new JsonArray([.. outcomes.Select(o => (JsonNode?)o)]) });
        State.ActivityExecutionContexts.RemoveAll(r => r.Id == instanceId);
        foreach (var bookmark in State.Bookmarks.Where(b => b.ActivityInstanceId == instanceId).ToList()) RemoveBookmark(bookmark);
        if (Runtime.Catalogue.TryGet(node.Type, out var type) && type.Attribute.IsTerminal)
        {
            FinishWorkflow(WorkflowSubStatus.Finished);
            return;
        }

        if (!viaBackward) State.Flowchart.Visit(node.Id);
        foreach (var connection in Graph.OutboundOf(node.Id))
        {
            var followed = PortMatches(connection.SourcePort, outcomes);
            State.Flowchart.Visit(connection.Key, followed);
            if (Graph.IsBackward(connection, out var valid))
            {
                if (!followed) continue;
                if (!valid) throw new InvalidOperationException($"The loop connection from '{connection.Source}' to '{connection.Target}' is not valid: '{connection.Target}' does not enclose it.");
                Enqueue(connection.Target, viaBackward: true);
                continue;
            }

            MaybeSchedule(connection.Target);
        }
    }

    private static bool PortMatches(string? port, IReadOnlyList<string> outcomes) =>
        string.IsNullOrEmpty(port) ? outcomes.Contains(ActivityPorts.Done) : outcomes.Contains(port);

    private void MaybeSchedule(string activityId)
    {
        if (IsQueued(activityId) || State.ActivityExecutionContexts.Any(r => r.ActivityId == activityId && r.Status == "Running")) return;
        var node = Graph.Flowchart.Find(activityId);
        if (node is null) return;
        var inbound = Graph.ForwardInboundOf(activityId);
        var visits = State.Flowchart.VisitsOf(activityId);
        bool Visited(Connection c) => State.Flowchart.Of(c.Key) is { } v && v.Count > visits;
        bool Followed(Connection c) => State.Flowchart.Of(c.Key) is { Followed: true } v && v.Count > visits;
        var mode = JoinMode(node);
        if (mode == FlowJoinMode.WaitAny)
        {
            if (inbound.Any(Followed))
            {
                CancelRunningAncestors(activityId);
                Enqueue(activityId, viaBackward: false);
            }
            else if (inbound.All(Visited)) Skip(activityId);
            return;
        }

        if (!inbound.All(Visited)) return;
        var run = mode == FlowJoinMode.WaitAll ? inbound.All(Followed) : inbound.Any(Followed);
        if (run) Enqueue(activityId, viaBackward: false);
        else Skip(activityId);
    }

    /// <summary>Closes off an activity that will not run this round, so that downstream joins can decide.</summary>
    private void Skip(string activityId)
    {
        State.Flowchart.Visit(activityId);
        foreach (var connection in Graph.OutboundOf(activityId))
        {
            State.Flowchart.Visit(connection.Key, followed: false);
            if (!Graph.IsBackward(connection, out _)) MaybeSchedule(connection.Target);
        }
    }

    private void CancelRunningAncestors(string joinId)
    {
        var ancestors = State.ActivityExecutionContexts
            .Where(r => r.Status == "Running" && r.ActivityId != joinId && Graph.Reaches(r.ActivityId, joinId)).ToList();
        foreach (var record in ancestors)
        {
            State.ActivityExecutionContexts.Remove(record);
            foreach (var bookmark in State.Bookmarks.Where(b => b.ActivityInstanceId == record.Id).ToList()) RemoveBookmark(bookmark);
            var node = Graph.Flowchart.Find(record.ActivityId)!;
            Journal(node, record.Id, "Canceled");
            if (!record.ViaBackward) State.Flowchart.Visit(record.ActivityId);
            foreach (var connection in Graph.OutboundOf(record.ActivityId))
            {
                State.Flowchart.Visit(connection.Key, followed: false);
                if (!Graph.IsBackward(connection, out _)) MaybeSchedule(connection.Target);
            }
        }
    }

    private FlowJoinMode? JoinMode(ActivityNode node)
    {
        if (node.Type != "Elsa.FlowJoin") return null;
        var value = EvaluateStatic(node.Json["mode"]);
        return value is null ? FlowJoinMode.WaitAny : (FlowJoinMode)ValueConverter.Convert(value, typeof(FlowJoinMode))!;
    }

    /// <summary>Ends the instance: every open activity is cancelled, every bookmark removed, the queue cleared.</summary>
    public void FinishWorkflow(WorkflowSubStatus subStatus)
    {
        foreach (var record in State.ActivityExecutionContexts.ToList())
        {
            if (Graph.Flowchart.Find(record.ActivityId) is { } node) Journal(node, record.Id, "Canceled");
        }

        State.ActivityExecutionContexts.Clear();
        foreach (var bookmark in State.Bookmarks.ToList()) RemoveBookmark(bookmark);
        _queue.Clear();
        State.ScheduledActivities.Clear();
        State.SetStatus(subStatus);
        State.FinishedAt = Time.GetUtcNow();
    }
}
