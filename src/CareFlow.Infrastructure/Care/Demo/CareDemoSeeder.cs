using System.Text;
using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Screening;
using CareFlow.Core.Care.Stages;
using CareFlow.Core.Configuration;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Settings;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareFlow.Infrastructure.Care.Demo;

/// <summary>
/// On the embedded default (SQLite) with an empty database, and unless <c>CareFlow:DemoData</c> is false, seeds a
/// demo directory and three fictional clients at different stages, driven through the real workflows.
/// </summary>
public sealed partial class CareDemoSeeder(IServiceScopeFactory scopes, InfrastructureSettings settings, IOptions<CareFlowOptions> options, ILogger<CareDemoSeeder> logger) : BackgroundService
{
    public const string DemoCoordinator = "demo.coordinator";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DemoData || settings.PostgresConnectionString is not null) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var data = scope.ServiceProvider.GetRequiredService<ICareData>();
            if (await data.CountAsync(data.Query<Organization>(), stoppingToken) > 0 || await data.CountAsync(data.Query<Client>(), stoppingToken) > 0) return;
            if (!await WaitForWorkflowsAsync(scope.ServiceProvider, stoppingToken))
            {
                LogNoWorkflows(logger);
                return;
            }

            await SeedAsync(scope.ServiceProvider, stoppingToken);
            LogSeeded(logger, DemoCoordinator);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }

    private static async Task<bool> WaitForWorkflowsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var definitions = services.GetRequiredService<WorkflowDefinitionService>();
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var published = 0;
            foreach (var id in StageWorkflows.All)
                if (await definitions.GetAsync(id, VersionOptions.Published, cancellationToken) is not null) published++;
            if (published == StageWorkflows.All.Count) return true;
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        return false;
    }

    private static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var data = services.GetRequiredService<ICareData>();
        var submitScreening = services.GetRequiredService<SubmitScreeningHandler>();
        var recordConsent = services.GetRequiredService<RecordConsentHandler>();
        var time = services.GetRequiredService<TimeProvider>();
        await HsdsImport.RunAsync(data, time, new MemoryStream(Encoding.UTF8.GetBytes(DemoDirectory.Json)), cancellationToken);

        // 1. Just arrived: the intake waits for the consent conversation.
        await IntakeAsync(services, "Maya", "Ortiz", new DateOnly(1988, 4, 12), "555-201-3344", cancellationToken);

        // 2. Screened with housing and food needs, consent for Harbor Housing: waiting for the coordinator to choose a service.
        var daniel = await IntakeAsync(services, "Daniel", "Brooks", new DateOnly(1975, 9, 3), "555-410-2288", cancellationToken);
        await ConsentAsync(recordConsent, time, daniel.ClientId!.Value, "demo-harbor", "Harbor Housing Collaborative", "referrals@harbor-housing.example", cancellationToken);
        await submitScreening.HandleAsync(daniel.CaseId!.Value, AhcHrsnCore.Id, Answers(housing: true, food: true, unsafeAtHome: false), DemoCoordinator, cancellationToken);

        // 3. Unsafe at home: in stabilization, the plan to write with the client is in the coordinator's tasks.
        var aisha = await IntakeAsync(services, "Aisha", "Khan", new DateOnly(1996, 1, 27), "555-733-9010", cancellationToken);
        await ConsentAsync(recordConsent, time, aisha.ClientId!.Value, "demo-safeharbor", "Safe Harbor Advocacy Center", "advocates@safeharbor.example", cancellationToken);
        await submitScreening.HandleAsync(aisha.CaseId!.Value, AhcHrsnCore.Id, Answers(housing: true, food: false, unsafeAtHome: true), DemoCoordinator, cancellationToken);
        await services.GetRequiredService<IStageHandOver>().ProcessPendingAsync(cancellationToken);
    }

    private static async Task<IntakeRequest> IntakeAsync(IServiceProvider services, string given, string family, DateOnly dob, string phone, CancellationToken cancellationToken)
    {
        var data = services.GetRequiredService<ICareData>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var intake = new IntakeRequest
        {
            Id = Guid.CreateVersion7(now), GivenName = given, FamilyName = family, DateOfBirth = dob, Phone = phone, PreferredLanguage = "en",
            CoordinatorId = DemoCoordinator, CoordinatorName = "Demo Coordinator", ReceivedAt = now,
        };
        data.Add(intake);
        await data.SaveChangesAsync(cancellationToken);
        await services.GetRequiredService<IWorkflowRuntime>().StartAsync(StageWorkflows.Intake, VersionOptions.Published,
            new StartWorkflowRequest { Name = "intake", Input = new JsonObject { ["intakeId"] = intake.Id.ToString() } }, cancellationToken);
        return await data.FirstOrDefaultAsync(data.Query<IntakeRequest>().Where(r => r.Id == intake.Id), cancellationToken) ?? intake;
    }

    private static Task<Consent> ConsentAsync(RecordConsentHandler recordConsent, TimeProvider time, Guid clientId, string orgId, string orgName, string email, CancellationToken cancellationToken) =>
        recordConsent.HandleAsync(new Consent
        {
            ClientId = clientId, DisclosingParty = "CareFlow Demo Program", InformationDescription = "Name, contact details and the needs named in the referral",
            RecipientOrganizationId = orgId, RecipientName = orgName, RecipientEmail = email, Purpose = "Referral for services the client chose",
            RevocationInstructions = "Tell your coordinator, in writing or orally, at any time.", ExpiresOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddYears(1),
            SignedBy = "Client (electronic signature)", SignedAt = time.GetUtcNow(),
        }, DemoCoordinator, cancellationToken);

    private static Dictionary<string, string[]> Answers(bool housing, bool food, bool unsafeAtHome)
    {
        var safety = unsafeAtHome ? "sometimes" : "never";
        return new Dictionary<string, string[]>
        {
            ["living-situation"] = [housing ? "worried" : "steady"], ["housing-problems"] = [housing ? "mold" : "none"],
            ["food-worry"] = [food ? "often" : "never"], ["food-last"] = [food ? "sometimes" : "never"], ["transportation"] = ["no"], ["utilities"] = ["no"],
            ["safety-hurt"] = [safety], ["safety-insult"] = [safety], ["safety-threaten"] = [safety], ["safety-scream"] = [safety],
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: a directory of 6 services and 3 fictional clients on the caseload of '{Coordinator}'. "
        + "There is no default password: to sign in as the demo coordinator, run `dotnet run --project src/CareFlow.Web -- hash-password`, then start with "
        + "CareFlow__Users__0__UserName={Coordinator} CareFlow__Users__0__PasswordHash=<hash> CareFlow__Users__0__Roles__0=coordinator (add Roles__1=designer for the designer). "
        + "Set CareFlow:DemoData=false to start empty.")]
    private static partial void LogSeeded(ILogger logger, string coordinator);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data skipped: the stage workflows (workflows/*.json) were not published within 30 seconds.")]
    private static partial void LogNoWorkflows(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo data could not be seeded.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
