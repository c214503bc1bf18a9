using CareFlow.Core.Configuration;
using CareFlow.Infrastructure.Care;
using CareFlow.Infrastructure.DataProtection;
using CareFlow.Infrastructure.Email;
using CareFlow.Infrastructure.Health;
using CareFlow.Infrastructure.Outbox;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Infrastructure.ProviderLinks;
using CareFlow.Infrastructure.Settings;
using CareFlow.Infrastructure.Workflows;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CareFlow.Infrastructure;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Database, job storage and mail transport: the embedded default (SQLite, in-memory Hangfire, .eml outbox) unless
    /// ConnectionStrings:CareFlow (PostgreSQL) or Smtp:Host is set.
    /// </summary>
    /// <exception cref="CareFlowConfigurationException">A setting is malformed; nothing has been registered.</exception>
    public static IServiceCollection AddCareFlowInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = InfrastructureSettings.Load(configuration, Environment.CurrentDirectory);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Paths);
        services.Configure<CareFlowOptions>(configuration.GetSection(CareFlowOptions.SectionName));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.SectionName));

        AddPersistence(services, settings);
        AddJobs(services, settings);
        AddEmail(services, settings);
        services.AddCareFlowOutbox(configuration);
        services.AddCareFlowProviderLinks(configuration);
        services.AddCareFlowWorkflowPersistence(configuration);
        services.AddCareFlowCarePersistence();
        return services;
    }

    private static void AddPersistence(IServiceCollection services, InfrastructureSettings settings)
    {
        // Registered first: its StartingAsync migrates before any other hosted service starts.
        services.AddHostedService<DatabaseMigrator>();
        if (settings.PostgresConnectionString is { } connectionString)
        {
            services.AddDbContext<CareFlowDbContext, PostgresCareFlowDbContext>((sp, o) =>
                PostgresCareFlowDbContext.Configure(o, connectionString).AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        }
        else
        {
            services.AddDbContext<CareFlowDbContext, SqliteCareFlowDbContext>((sp, o) =>
                SqliteCareFlowDbContext.Configure(o, settings.Paths.DatabaseFile).AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        }

        services.AddDataProtection().SetApplicationName("CareFlow");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new EfXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
    }

    private static void AddJobs(IServiceCollection services, InfrastructureSettings settings)
    {
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (settings.PostgresConnectionString is { } connectionString)
            {
                config.UsePostgreSqlStorage(
                    o => o.UseNpgsqlConnection(connectionString),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = CareFlowSchemas.Hangfire,
                        PrepareSchemaIfNecessary = true,
                        // With sliding invisibility a live worker renews its fetched job every fifth of this, so it
                        // can be short: a job fetched by a node that died is handed to another after 30 s (the
                        // default, 30 minutes, left timers of a dead node stuck that long; start-up re-arming only
                        // helps when the dead node itself comes back). A worker stalled longer than this may see its
                        // job run twice, which CareFlow's idempotent jobs allow.
                        UseSlidingInvisibilityTimeout = true,
                        InvisibilityTimeout = TimeSpan.FromSeconds(30),
                        EnableLongPolling = true,
                        // Locks are rows: a node killed while holding one (the delayed-job scheduler's, say) leaves it
                        // behind until it counts as stale, and until then no node moves due timers to the queue. The
                        // default is 10 minutes; CareFlow's jobs are idempotent, so an early steal costs nothing.
                        DistributedLockTimeout = TimeSpan.FromSeconds(30),
                    });
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });

        // A short schedule poll so that a due timer fires within about a second.
        services.AddHangfireServer(o => o.SchedulePollingInterval = TimeSpan.FromSeconds(1));
        services.AddHealthChecks().AddCheck<HangfireHealthCheck>("hangfire");
    }

    private static void AddEmail(IServiceCollection services, InfrastructureSettings settings)
    {
        services.AddSingleton<MimeMessageFactory>();
        if (settings.UsesSmtp)
        {
            // One instance: it owns the pooled connection that every send reuses.
            services.AddSingleton<MailKitEmailSender>();
            services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<MailKitEmailSender>());
            services.AddHealthChecks().AddCheck<SmtpHealthCheck>("email", HealthStatus.Degraded);
        }
        else
        {
            services.AddSingleton<IEmailSender, FileOutboxEmailSender>();
            services.AddHealthChecks().AddCheck<OutboxHealthCheck>("email");
        }
    }
}
