using CareFlow.Core.Outbox;
using CareFlow.Core.ProviderLinks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Infrastructure.ProviderLinks;

/// <summary>Registers provider links: tokens, the notification mailer (a SaveChanges interceptor), the use cases.</summary>
public static class ProviderLinkServiceCollectionExtensions
{
    public static IServiceCollection AddCareFlowProviderLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProviderLinkOptions>(configuration.GetSection(ProviderLinkOptions.SectionName));
        services.AddSingleton<IProviderLinkTokens, DataProtectionProviderLinkTokens>();
        services.AddSingleton<ProviderNotificationMailer>();
        services.AddScoped<IEmailFailureHandler, ReferralEmailFailureHandler>();
        services.AddScoped<ProviderLinkService>();
        return services;
    }
}
