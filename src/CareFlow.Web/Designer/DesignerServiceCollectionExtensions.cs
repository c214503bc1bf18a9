using CareFlow.Web.Designer.Api;
using CareFlow.Web.Designer.Definitions;
using CareFlow.Web.Designer.Descriptors;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareFlow.Web.Designer;

/// <summary>Registers and maps the designer: the Studio bundle, its host pages, the Studio API and provisioning.</summary>
public static class DesignerServiceCollectionExtensions
{
    public static IServiceCollection AddCareFlowDesigner(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DesignerOptions>().Bind(configuration.GetSection(DesignerOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StudioBundle>();
        // Interim implementations; the engine's catalogue, validator and store replace them when registered first.
        services.TryAddSingleton<IStudioDefinitionStore, InMemoryStudioDefinitionStore>();
        services.TryAddSingleton<IStudioActivityDescriptors, FallbackActivityDescriptors>();
        services.TryAddSingleton<IStudioDefinitionValidator, BasicDefinitionValidator>();
        services.AddSingleton<StudioInputTypes>();
        services.AddSingleton<StudioDefinitionService>();
        services.AddHostedService<WorkflowFileProvisioner>();
        return services;
    }

    /// <summary>Serves the bundle (before routing's endpoints), the pages and <c>/elsa/api</c>'s Studio routes.</summary>
    public static WebApplication MapCareFlowDesigner(this WebApplication app)
    {
        app.UseMiddleware<StudioBundleMiddleware>();
        app.MapDesignerPages();
        app.MapStudioApi();
        return app;
    }
}
