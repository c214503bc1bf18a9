using CareFlow.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareFlow.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the care domain's services and the system clock.</summary>
    public static IServiceCollection AddCareFlowCore(this IServiceCollection services)
    {
        // TryAdd so that tests can register a FakeTimeProvider first.
        services.TryAddSingleton(TimeProvider.System);
        services.AddCareFlowWorkflows(o => { foreach (var type in Activities.CareActivities.All) o.ActivityTypes.Add(type); });
        return services;
    }
}
