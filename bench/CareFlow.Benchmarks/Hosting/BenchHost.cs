using CareFlow.Core;
using CareFlow.Infrastructure;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Infrastructure.Workflows;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareFlow.Benchmarks.Hosting;

/// <summary>
/// A generic host wired exactly as CareFlow.Web wires the engine (AddCareFlowCore + AddCareFlowInfrastructure on
/// PostgreSQL, so migrations, Hangfire server and timer recovery run as in production), plus three bench hooks:
/// the freezable clock, EF interceptors that count SQL, and a timer scheduler that arms Hangfire by the wall clock.
/// </summary>
public static class BenchHost
{
    public static IHost Build(BenchSettings settings, BenchClock clock)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CareFlow"] = settings.ConnectionString,
            ["CareFlow:DataDirectory"] = settings.DataDirectory,
            ["CareFlow:DemoData"] = "false",
        });
        if (settings.Smtp is { } smtp)
        {
            // Email (g) goes through the product's pooled MailKit sender to the local test server; plain SMTP is
            // allowed only because the host is loopback.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Smtp:Host"] = smtp.Host,
                ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:From"] = Scenarios.EmailScenario.From,
                ["Smtp:UseStartTls"] = "false",
                ["Email:PublicBaseUrl"] = "http://careflow.bench",
            });
        }

        // Logs go to stderr with the progress lines; stdout carries only the table. The first migration's probe of the
        // missing history table logs a failed command, which is expected; a failing command in a scenario throws anyway.
        builder.Logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None)
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddCareFlowCore();
        builder.Services.AddCareFlowInfrastructure(builder.Configuration);
        builder.Services.ConfigureDbContext<PostgresCareFlowDbContext>(
            (_, options) => options.AddInterceptors(new SqlCountingInterceptor(), new TransactionCountingInterceptor()));

        // Same class as production; only its clock is the wall clock, because the engine's clock is frozen while the
        // timer scenario creates its instances (with the system clock both are the same).
        builder.Services.Replace(ServiceDescriptor.Singleton<IWorkflowTimerScheduler>(
            sp => new HangfireWorkflowTimerScheduler(sp.GetRequiredService<IBackgroundJobClient>(), TimeProvider.System)));
        return builder.Build();
    }
}
