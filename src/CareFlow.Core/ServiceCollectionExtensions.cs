using CareFlow.Core.Care.Advocacy;
using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Screening;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Email;
using CareFlow.Core.Outbox;
using CareFlow.Core.ProviderLinks;
using CareFlow.Core.Reminders;
using CareFlow.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareFlow.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the care domain's services, its use cases (one handler each, scoped) and the system clock.</summary>
    public static IServiceCollection AddCareFlowCore(this IServiceCollection services)
    {
        // TryAdd so that tests can register a FakeTimeProvider first.
        services.TryAddSingleton(TimeProvider.System);
        services.AddCareFlowWorkflows(o => { foreach (var type in Activities.CareActivities.All) o.ActivityTypes.Add(type); });

        // The email decisions, called by the use cases and activities that cause them.
        services.AddScoped<ReferralEmails>();
        services.AddScoped<CoordinatorReminders>();

        // Use cases.
        services.AddScoped<IntakeClientHandler>();
        services.AddScoped<ChangeReferralStatusHandler>();
        services.AddScoped<RequestReferralHandler>();
        services.AddScoped<CompleteTaskHandler>();
        services.AddScoped<TaskFormEffects>();
        services.AddScoped<CareFlow.Core.Forms.FormCatalog>();
        services.AddScoped<CareFlow.Workflows.Activities.IInputOptionsSource, CareFlow.Core.Forms.PublishedFormOptions>();
        services.AddScoped<RecordCheckInHandler>();
        services.AddScoped<RecordAdvocacyHandler>();
        services.AddScoped<RecordBarrierHandler>();
        services.AddScoped<RecordConsentHandler>();
        services.AddScoped<RevokeConsentHandler>();
        services.AddScoped<SubmitScreeningHandler>();
        services.AddScoped<OpenProviderLinkHandler>();
        services.AddScoped<ProviderActHandler>();
        services.AddScoped<SendProviderCodeHandler>();
        services.AddScoped<DiscloseToProviderHandler>();
        services.AddScoped<IEmailFailureHandler, ReferralEmailFailureHandler>();
        return services;
    }
}
