using CareFlow.Core.Care;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Infrastructure.Care;

/// <summary>Registers the care domain's stores, its durable workflow signals (and their recovery) and the stage hand-over.</summary>
public static class CareInfrastructureExtensions
{
    public static IServiceCollection AddCareFlowCarePersistence(this IServiceCollection services)
    {
        services.AddScoped<ICareData, EfCareData>();
        services.AddScoped<CareFlow.Core.Care.Supervision.ICoordinatorRoster, IdentityCoordinatorRoster>();
        services.AddScoped<ICareSignals, EfCareSignals>();
        services.AddHostedService<CareSignalRecoveryService>();
        services.AddScoped<IStageHandOver, StageHandOverProcessor>();
        services.AddHostedService<StageHandOverService>();
        services.AddHostedService<Demo.CareDemoSeeder>();
        return services;
    }
}
