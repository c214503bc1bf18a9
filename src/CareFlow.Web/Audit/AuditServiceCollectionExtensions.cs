namespace CareFlow.Web.Audit;

/// <summary>Registers the audit log writer.</summary>
public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddCareFlowAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        return services;
    }
}
