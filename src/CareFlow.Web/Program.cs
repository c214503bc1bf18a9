using CareFlow.Core;
using CareFlow.Core.Configuration;
using CareFlow.Infrastructure;
using CareFlow.Web;
using CareFlow.Web.Designer;
using CareFlow.Web.Security;

if (PasswordHashCommand.TryRun(args)) return Environment.ExitCode;
var createAdmin = CreateAdminCommand.Match(args);
try
{
    var builder = WebApplication.CreateBuilder(createAdmin?.HostArgs ?? args);
    builder.Services.AddCareFlowCore();
    builder.Services.AddCareFlowInfrastructure(builder.Configuration);
    builder.Services.AddCareFlowWeb();
    builder.Services.AddCareFlowSecurity(builder.Configuration).AddCareFlowDesigner(builder.Configuration);

    var app = builder.Build();
    if (createAdmin is { } command)
    {
        // One-time first administrator: the host is built (same configuration and database) but never started.
        try
        {
            return await CreateAdminCommand.RunAsync(app.Services, command.CommandArgs, Console.In, Console.Out, Console.Error, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not CareFlowConfigurationException)
        {
            await Console.Error.WriteLineAsync($"create-admin failed: {ex.Message}");
            return CreateAdminCommand.Failed;
        }
    }
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
