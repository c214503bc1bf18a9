using System.Globalization;
using System.Text.Json.Nodes;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Definitions;

namespace CareFlow.Workflows.Runtime;

internal sealed partial class WorkflowExecution
{
    /// <summary>Runs queued activities until every path waits, ends, or one faults.</summary>
    public async Task RunAsync()
    {
        State.SetStatus(WorkflowSubStatus.Executing);
        while (_queue.First is { } first && State.SubStatus == WorkflowSubStatus.Executing)
        {
            CancellationToken.ThrowIfCancellationRequested();
            _queue.RemoveFirst();
            if (ExceededBudget() is { } exceeded)
            {
                // The activity that would have run next is the faulted one, so a retry continues from it.
                Fault(Graph.Flowchart.Find(first.Value.ActivityId)!, NewId(), first.Value.ViaBackward, exceeded);
                return;
            }

            _executions++;
            await ExecuteAsync(first.Value);
        }

        if (State.SubStatus != WorkflowSubStatus.Executing) return;
        if (State.ActivityExecutionContexts.Count == 0) FinishWorkflow(WorkflowSubStatus.Finished);
        else State.SetStatus(WorkflowSubStatus.Suspended);
    }

    /// <summary>Resumes a bookmark, then runs whatever that schedules.</summary>
    public async Task ResumeAsync(Bookmark bookmark, JsonObject? input)
    {
        State.SetStatus(WorkflowSubStatus.Executing);
        RemoveBookmark(bookmark);
        var record = State.ActivityExecutionContexts.FirstOrDefault(r => r.Id == bookmark.ActivityInstanceId);
        var node = Graph.Flowchart.Find(bookmark.ActivityId);
        if (record is null || node is null)
        {
            throw new InvalidOperationException($"Bookmark {bookmark.Id} points at activity '{bookmark.ActivityId}', which is no longer waiting.");
        }

        Journal(node, record.Id, "Resumed");
        ActivityResult result;
        try
        {
            if (bookmark.AutoComplete) result = ActivityResult.Done;
            else
            {
                var (activity, type, _) = CreateActivity(node);
                result = await activity.ResumeAsync(ContextFor(node, record.Id), bookmark, input);
                CaptureOutputs(node, activity, type);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Fault(node, record.Id, record.ViaBackward, ex);
            return;
        }

        AfterExecution(node, record.Id, record.ViaBackward, result, record.ActivityState);
        await RunAsync();
    }

    private async Task ExecuteAsync(WorkItem item)
    {
        var node = Graph.Flowchart.Find(item.ActivityId)!;
        var instanceId = NewId();
        Journal(node, instanceId, "Started");
        ActivityResult result;
        JsonObject? inputs = null;
        try
        {
            var (activity, type, state) = CreateActivity(node);
            inputs = state;
            result = await activity.ExecuteAsync(ContextFor(node, instanceId));
            CaptureOutputs(node, activity, type);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Fault(node, instanceId, item.ViaBackward, ex);
            return;
        }

        AfterExecution(node, instanceId, item.ViaBackward, result, inputs);
    }

    private void AfterExecution(ActivityNode node, string instanceId, bool viaBackward, ActivityResult result, JsonObject? inputs)
    {
        if (result.IsSuspended && State.Bookmarks.Any(b => b.ActivityInstanceId == instanceId))
        {
            if (!State.ActivityExecutionContexts.Any(r => r.Id == instanceId))
            {
                State.ActivityExecutionContexts.Add(new ActivityContextRecord
                {
                    Id = instanceId, ActivityId = node.Id, ActivityNodeId = node.NodeId, ActivityType = node.Type,
                    Status = "Running", ViaBackward = viaBackward, StartedAt = Time.GetUtcNow(), ActivityState = inputs,
                });
            }

            Journal(node, instanceId, "Suspended");
            return;
        }

        if (result.IsSuspended)
        {
            Fault(node, instanceId, viaBackward, new InvalidOperationException("The activity suspended without creating a bookmark."));
            return;
        }

        Complete(node, instanceId, viaBackward, result.Outcomes);
    }

    private void Fault(ActivityNode node, string instanceId, bool viaBackward, Exception ex)
    {
        var message = ex.Message;
        Journal(node, instanceId, "Faulted", message, new JsonObject { ["exception"] = ex.GetType().Name });
        State.ActivityExecutionContexts.RemoveAll(r => r.Id == instanceId);
        foreach (var bookmark in State.Bookmarks.Where(b => b.ActivityInstanceId == instanceId).ToList()) RemoveBookmark(bookmark);
        State.ActivityExecutionContexts.Add(new ActivityContextRecord
        {
            Id = instanceId, ActivityId = node.Id, ActivityNodeId = node.NodeId, ActivityType = node.Type,
            Status = "Faulted", ViaBackward = viaBackward, StartedAt = Time.GetUtcNow(), FaultCount = 1,
        });
        State.Incidents.Add(new Incident
        {
            ActivityId = node.Id, ActivityNodeId = node.NodeId, ActivityType = node.Type, Message = message,
            Exception = new IncidentError(ex.GetType().Name, message, null), Timestamp = Time.GetUtcNow(),
        });
        State.ScheduledActivities.Clear();
        State.ScheduledActivities.AddRange(_queue.Select(w => new ScheduledWork(w.ActivityId, w.ViaBackward)));
        _queue.Clear();
        State.SetStatus(WorkflowSubStatus.Faulted);
    }

    private WorkflowBudgetExceededException? ExceededBudget()
    {
        var budget = Runtime.Budget;
        if (_executions >= budget.MaxActivityExecutions)
            return new WorkflowBudgetExceededException(string.Create(CultureInfo.InvariantCulture, $"Activity execution budget of {budget.MaxActivityExecutions} per burst exceeded."));
        if (Time.GetElapsedTime(_startedAt) > budget.MaxBurstDuration)
            return new WorkflowBudgetExceededException(string.Create(CultureInfo.InvariantCulture, $"Wall-time budget of {budget.MaxBurstDuration.TotalSeconds:0.###} s per burst exceeded."));
        return null;
    }

    /// <summary>
    /// The state grew past its budget in a way no variable write caught (a large workflow input, activity inputs kept by a
    /// waiting activity, a large output): the instance faults, and its input, variable values and output are dropped so
    /// that what is stored stays small.
    /// </summary>
    private void FaultOversizedState(long size)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"State size budget of {StateSize.MaxBytes} bytes exceeded: the state came to {size} bytes; its input, variable values and output were dropped.");
        var root = new ActivityNode(Definition.Root.Id, "Elsa.Flowchart", null, [], "$.root") { NodeId = $"Workflow1:{Definition.Root.Id}" };
        FinishWorkflow(WorkflowSubStatus.Faulted);
        foreach (var id in State.Variables.Keys.ToList()) State.Variables[id] = null;
        State.Output.Clear();
        State.Input.Clear();
        Journal(root, null, "Faulted", message, new JsonObject { ["exception"] = nameof(WorkflowBudgetExceededException) });
        State.Incidents.Add(new Incident
        {
            ActivityId = root.Id, ActivityNodeId = root.NodeId, ActivityType = root.Type, Message = message,
            Exception = new IncidentError(nameof(WorkflowBudgetExceededException), message, null), Timestamp = Time.GetUtcNow(),
        });
    }

    /// <summary>Re-queues the faulted activities and the work left behind by the fault.</summary>
    public void PrepareRetry()
    {
        var faulted = State.ActivityExecutionContexts.Where(r => r.Status == "Faulted").ToList();
        foreach (var record in faulted)
        {
            State.ActivityExecutionContexts.Remove(record);
            Enqueue(record.ActivityId, record.ViaBackward);
        }

        foreach (var work in State.ScheduledActivities) Enqueue(work.ActivityId, work.ViaBackward);
        State.ScheduledActivities.Clear();
        State.Incidents.Clear();
    }
}
