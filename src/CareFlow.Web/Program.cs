var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => TypedResults.Ok(new { status = "Healthy" }));
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
