using System.Text.Json.Nodes;
using CareFlow.Core.Care.Stages;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareFlow.Infrastructure.Care;

/// <summary>
/// Starts requested stage workflows. The instance id is the request id and the request is marked started in the
/// same SaveChanges as the new instance, so two nodes racing for one request start it once (the loser hits the key).
/// </summary>
public sealed class StageHandOverProcessor(CareFlowDbContext db, IWorkflowRuntime runtime, TimeProvider time, ILogger<StageHandOverProcessor> logger) : IStageHandOver
{
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken = default)
    {
        var pending = await db.Set<WorkflowStartRequest>().AsNoTracking().Where(r => r.StartedAt == null)
            .OrderBy(r => r.RequestedAt).Take(50).ToListAsync(cancellationToken);
        var started = 0;
        foreach (var request in pending)
        {
            if (await TryStartAsync(request, cancellationToken)) started++;
        }

        return started;
    }

    private async Task<bool> TryStartAsync(WorkflowStartRequest request, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (await db.Set<WorkflowInstanceRecord>().AnyAsync(i => i.Id == request.Id, cancellationToken))
        {
            await MarkAsync(request, cancellationToken);
            return false;
        }

        db.Attach(request);
        request.StartedAt = time.GetUtcNow();
        request.StartedInstanceId = request.Id;
        try
        {
            var state = await runtime.StartAsync(request.DefinitionId, VersionOptions.Published, new StartWorkflowRequest
            {
                InstanceId = request.Id, CorrelationId = request.CaseId.ToString(), Name = $"{request.DefinitionId} {request.CaseId:N}",
                Input = new JsonObject { ["caseId"] = request.CaseId.ToString() }, ParentWorkflowInstanceId = request.RequestedByInstanceId,
            }, cancellationToken);
            if (state is null) logger.LogWarning("Workflow {DefinitionId} has no published version; case {CaseId} waits for it.", request.DefinitionId, request.CaseId);
            return state is not null;
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "Start request {RequestId} was taken by another node.", request.Id);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task MarkAsync(WorkflowStartRequest request, CancellationToken cancellationToken)
    {
        db.Attach(request);
        request.StartedAt = time.GetUtcNow();
        request.StartedInstanceId = request.Id;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Marked meanwhile by another node.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
