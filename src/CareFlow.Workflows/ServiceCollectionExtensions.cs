using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Expressions;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareFlow.Workflows;

/// <summary>Registers the engine.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds the activity catalogue, expressions, definition service and runner. Call again to add activity types.</summary>
    public static IServiceCollection AddCareFlowWorkflows(this IServiceCollection services, Action<WorkflowOptions>? configure = null)
    {
        var options = services.Select(d => d.ImplementationInstance).OfType<WorkflowOptions>().FirstOrDefault();
        if (options is null)
        {
            options = new WorkflowOptions();
            services.AddSingleton(options);
        }

        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ActivityCatalogue(sp.GetRequiredService<WorkflowOptions>().ActivityTypes));
        services.TryAddSingleton(sp => new JavaScriptEvaluator(sp.GetRequiredService<WorkflowOptions>().ScriptLimits));
        services.TryAddSingleton<ExpressionEvaluator>();
        services.TryAddScoped<WorkflowDefinitionService>();
        services.TryAddSingleton<IWorkflowLineWriter>(sp => new LoggingWorkflowLineWriter(sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.TryAddScoped(sp => new WorkflowRunner(new WorkflowRuntimeServices(
            sp.GetRequiredService<ActivityCatalogue>(), sp.GetRequiredService<ExpressionEvaluator>(),
            sp.GetRequiredService<TimeProvider>(), sp, sp.GetRequiredService<IWorkflowLineWriter>(), sp.GetRequiredService<WorkflowOptions>().Budget)));
        return services;
    }
}
