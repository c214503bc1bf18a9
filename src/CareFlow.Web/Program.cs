using CareFlow.Web.Designer;
using CareFlow.Web.Security;

if (PasswordHashCommand.TryRun(args)) return;
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddCareFlowSecurity(builder.Configuration).AddCareFlowDesigner(builder.Configuration);
var app = builder.Build();
app.UseCareFlowSecurity();
app.MapGet("/health", () => TypedResults.Ok(new { status = "Healthy" }));
app.MapCareFlowDesigner();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
