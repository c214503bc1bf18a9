using System.Threading.RateLimiting;
using CareFlow.Core.ProviderLinks;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.ProviderLinks;

/// <summary>
/// The services of the provider pages (<c>Pages/Provider</c>, behind the emailed link <c>/r/{token}</c>): their rate
/// limit, <see cref="ProviderLinkOptions.RequestsPerMinute"/> per client address (the forwarded one behind a
/// configured proxy), 429 beyond.
/// </summary>
public static class ProviderLinkPages
{
    /// <summary>The rate-limiting policy every provider page names.</summary>
    public const string RateLimitPolicy = "provider-links";

    public static IServiceCollection AddCareFlowProviderLinkPages(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicy, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<ProviderLinkOptions>>().Value.RequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
}
