using CareFlow.Core.ProviderLinks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Infrastructure.ProviderLinks;

/// <summary>Registers the provider links' adapters: signed tokens and the one-time codes' conditional updates.</summary>
public static class ProviderLinkServiceCollectionExtensions
{
    public static IServiceCollection AddCareFlowProviderLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProviderLinkOptions>(configuration.GetSection(ProviderLinkOptions.SectionName));
        services.AddSingleton<IProviderLinkTokens, DataProtectionProviderLinkTokens>();
        services.AddScoped<IProviderAccessCodes, EfProviderAccessCodes>();
        return services;
    }
}
