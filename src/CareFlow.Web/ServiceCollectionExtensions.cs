using System.Text.Json;
using System.Text.Json.Serialization;
using CareFlow.Web.ProviderLinks;

namespace CareFlow.Web;

public static class ServiceCollectionExtensions
{
    /// <summary>HTTP concerns: problem details and the JSON contract of the API (camelCase, enums as strings).</summary>
    public static IServiceCollection AddCareFlowWeb(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddCareFlowProviderLinkPages();
        services.AddOpenApi();
        services.AddScoped<Endpoints.WorkflowDefinitionServiceAccessor>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        return services;
    }
}
