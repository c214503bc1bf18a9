using CareFlow.Core;
using CareFlow.Core.Configuration;
using CareFlow.Infrastructure;
using CareFlow.Web;
using CareFlow.Web.Designer;
using CareFlow.Web.Security;

if (PasswordHashCommand.TryRun(args)) return Environment.ExitCode;
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddCareFlowCore();
    builder.Services.AddCareFlowInfrastructure(builder.Configuration);
    builder.Services.AddCareFlowWeb();
    builder.Services.AddCareFlowSecurity(builder.Configuration).AddCareFlowDesigner(builder.Configuration);

    var app = builder.Build();
    app.MapCareFlowWeb();
    await app.RunAsync();
    return 0;
}
catch (CareFlowConfigurationException ex)
{
    // One line naming the setting, and a non-zero exit: never start half-configured.
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
