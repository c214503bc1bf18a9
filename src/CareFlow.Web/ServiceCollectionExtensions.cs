using System.Text.Json;
using System.Text.Json.Serialization;
using CareFlow.Web.ProviderLinks;
using CareFlow.Web.Security;

namespace CareFlow.Web;

public static class ServiceCollectionExtensions
{
    /// <summary>HTTP concerns: problem details, the Razor Pages of the coordinator app and the JSON contract of the API (camelCase, enums as strings).</summary>
    public static IServiceCollection AddCareFlowWeb(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // The coordinator app: server-rendered pages, every one behind sign-in unless it says [AllowAnonymous].
        services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/", CareFlowPolicies.SignedIn));
        services.AddCareFlowProviderLinkPages();
        // The client rights-and-options summary's wording: an organisation sets its own in "RightsSummary".
        services.AddOptions<Core.Care.Rights.RightsSummaryOptions>().BindConfiguration(Core.Care.Rights.RightsSummaryOptions.SectionName);
        services.AddOpenApi(Endpoints.Care.CareApiDocument.Configure);
        // forms/*.json published at start-up, before the workflow files that use them.
        services.AddHostedService<Designer.FormFileProvisioner>();
        // A body or query value that does not bind is a 400 in every environment (Development would otherwise throw: 500).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        Endpoints.Elsa.EventTriggerLimitsExtensions.AddEventTriggerLimits(services);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            // Enum members by name only: a number (defined or not) is refused, never stored as an undefined member.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        });
        return services;
    }
}
