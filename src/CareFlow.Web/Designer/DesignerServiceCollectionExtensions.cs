using CareFlow.Web.Designer.Api;
using CareFlow.Web.Designer.Definitions;
using CareFlow.Web.Designer.Descriptors;
using CareFlow.Web.Designer.Engine;
using CareFlow.Workflows;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Management;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Designer;

/// <summary>Registers and maps the designer: the Studio bundle, its host pages, the Studio API and provisioning.</summary>
public static class DesignerServiceCollectionExtensions
{
    public static IServiceCollection AddCareFlowDesigner(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DesignerOptions>().Bind(configuration.GetSection(DesignerOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        // The engine's catalogue is what Studio shows and what saves are validated against; registered the way
        // AddCareFlowWorkflows does, so whichever runs first wins and both see the same WorkflowOptions.
        services.TryAddSingleton(sp => new ActivityCatalogue(sp.GetService<WorkflowOptions>()?.ActivityTypes));
        services.AddSingleton<StudioBundle>();
        services.TryAddSingleton<IStudioActivityDescriptors>(sp => sp.GetService<ActivityCatalogue>() is { } catalogue
            ? new EngineActivityDescriptors(catalogue)
            : new FallbackActivityDescriptors());
        services.TryAddSingleton<IStudioDefinitionValidator>(sp => sp.GetService<ActivityCatalogue>() is { } catalogue
            ? new EngineDefinitionValidator(catalogue, sp.GetRequiredService<IStudioActivityDescriptors>(), sp.GetRequiredService<IOptions<DesignerOptions>>())
            : new BasicDefinitionValidator(sp.GetRequiredService<IStudioActivityDescriptors>(), sp.GetRequiredService<IOptions<DesignerOptions>>()));
        // Definitions live in the engine's store when one is registered (the runtime executes what Studio saved);
        // otherwise in process memory, which is enough for a look at the designer but not for running workflows.
        services.TryAddSingleton<InMemoryStudioDefinitionStore>();
        services.TryAddScoped<IStudioDefinitionStore>(sp => sp.GetService<IWorkflowDefinitionStore>() is { } store
            ? new EngineStudioDefinitionStore(store)
            : sp.GetRequiredService<InMemoryStudioDefinitionStore>());
        services.TryAddSingleton<StudioInputTypes>();
        services.TryAddScoped<StudioDefinitionService>();
        services.AddHostedService<WorkflowFileProvisioner>();
        return services;
    }

    /// <summary>Serves the bundle, the pages and <c>/elsa/api</c>'s Studio routes.</summary>
    public static WebApplication MapCareFlowDesigner(this WebApplication app)
    {
        app.UseMiddleware<StudioBundleMiddleware>();
        app.MapDesignerPages();
        app.MapStudioApi();
        return app;
    }
}
