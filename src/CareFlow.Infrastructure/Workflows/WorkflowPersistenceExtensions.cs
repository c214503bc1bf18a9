using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Settings;
using CareFlow.Workflows;
using CareFlow.Workflows.Management;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Infrastructure.Workflows;

/// <summary>Registers the database-backed engine runtime, Hangfire timers and recovery.</summary>
public static class WorkflowPersistenceExtensions
{
    public static IServiceCollection AddCareFlowWorkflowPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCareFlowWorkflows(o => o.Budget = WorkflowBudgetSettings.Read(configuration));
        services.AddScoped<IWorkflowDefinitionStore, EfWorkflowDefinitionStore>();
        services.AddScoped<EfWorkflowRuntime>();
        services.AddScoped<IWorkflowRuntime>(sp => sp.GetRequiredService<EfWorkflowRuntime>());
        services.AddSingleton<IWorkflowTimerScheduler, HangfireWorkflowTimerScheduler>();
        services.AddScoped<ResumeWorkflowJob>();
        services.AddScoped<DispatchWorkflowJob>();
        services.AddScoped<WorkflowInstanceQueries>();
        services.AddScoped<PendingEventQueries>();
        services.AddHostedService<WorkflowRecoveryService>();
        return services;
    }
}
