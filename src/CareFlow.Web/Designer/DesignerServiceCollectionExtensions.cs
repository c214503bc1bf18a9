using CareFlow.Web.Designer.Forms;
using CareFlow.Web.Endpoints.Elsa;
using CareFlow.Workflows;
using CareFlow.Workflows.Activities;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddSingleton<FormEditorBundle>();
        services.TryAddSingleton<StudioActivityDescriptors>();
        // Studio saves through the engine's WorkflowDefinitionService (registered by AddCareFlowWorkflows, its store
        // by Infrastructure), so the runtime executes exactly what Studio saved.
        services.AddHostedService<WorkflowFileProvisioner>();
        return services;
    }

    /// <summary>Serves the bundle, the pages and <c>/elsa/api</c>'s Studio routes.</summary>
    public static WebApplication MapCareFlowDesigner(this WebApplication app)
    {
        app.UseMiddleware<StudioBundleMiddleware>();
        app.MapDesignerPages();
        app.MapFormEditorBundle();
        app.MapStudioApi();
        return app;
    }
}
