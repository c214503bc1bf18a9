using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareFlow.Core.Audit;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Supervision;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Outbox;
using CareFlow.Core.ProviderLinks;
using CareFlow.Core.Reminders;
using CareFlow.Infrastructure.Persistence;
using CareFlow.IntegrationTests.Fuzz;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Care;

/// <summary>Supervisor operations on PostgreSQL: intake assignment, reassignment, the duplicate-review queue and merge.</summary>
[Collection("care")]
public sealed class SupervisorOperationsPostgresTests(CareFlowApp<CareApp> app) : SupervisorOperationsScenarios<CareApp>(app)
{
    protected override Task ResetAsync() => App.ResetAsync();
}

/// <summary>The same supervisor operations on the embedded default (SQLite).</summary>
public sealed class SupervisorOperationsSqliteTests(CareFlowApp<SqliteCareApp> app) : SupervisorOperationsScenarios<SqliteCareApp>(app), IClassFixture<CareFlowApp<SqliteCareApp>>
{
    protected override Task ResetAsync() => Task.CompletedTask; // every test uses its own users and clients
}

/// <summary>
/// The scenarios, run on both providers. Users are created per test with unique names (supervisor, two coordinators
/// with email addresses) and sign in through the real form; intakes go through the API with the supervisor's session.
/// </summary>
public abstract class SupervisorOperationsScenarios<TOptions>(CareFlowApp<TOptions> app) : IAsyncLifetime
    where TOptions : CareFlowAppOptions, new()
{
    private const string Password = "supervisor-test-password";

    protected CareFlowApp<TOptions> App { get; } = app;

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    private string Sup => "sup-" + _suffix;

    private string CoordA => "coa-" + _suffix;

    private string CoordB => "cob-" + _suffix;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract Task ResetAsync();

    public async ValueTask InitializeAsync()
    {
        await ResetAsync();
        await CreateUserAsync(Sup, CareFlowRoles.Supervisor);
        await CreateUserAsync(CoordA, CareFlowRoles.Coordinator);
        await CreateUserAsync(CoordB, CareFlowRoles.Coordinator);
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Intake_BySupervisor_AssignsTheChosenCoordinator_AndACoordinatorOnlyThemselves()
    {
        using var sup = await SignInAsync(Sup);
        var caseId = await IntakeAsync(sup, "Ida", "Assigned", "1980-01-02", "555-201-0001", CoordA);
        Assert.Equal(CoordA, (await CaseAsync(caseId)).CoordinatorId);

        using var a = await SignInAsync(CoordA);
        var intakes = await App.CountAsync<IntakeRequest>();
        using var forged = await a.PostAsJsonAsync("/api/clients/intake", Intake("Ivo", "Forged", "1980-01-03", "555-201-0002", CoordB), Cancel);
        await AssertProblemAsync(forged, HttpStatusCode.Forbidden, "coordinatorId");
        using var notCoordinator = await sup.PostAsJsonAsync("/api/clients/intake", Intake("Ivo", "Supervised", "1980-01-04", "555-201-0003", Sup + "-nobody"), Cancel);
        await AssertProblemAsync(notCoordinator, HttpStatusCode.BadRequest, "coordinatorId");
        Assert.Equal(intakes, await App.CountAsync<IntakeRequest>());

        // The New client page: a supervisor chooses from the coordinator role; a coordinator has no choice to make.
        var form = await sup.GetStringAsync("/clients/new", Cancel);
        Assert.Contains($"<option value=\"{CoordB}\">", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.CoordinatorId", await a.GetStringAsync("/clients/new", Cancel), StringComparison.Ordinal);
        using var posted = await Forms.PostFormAsync(sup, "/clients/new", "/clients/new", new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Ina", ["Input.FamilyName"] = "Paged", ["Input.DateOfBirth"] = "1980-01-05", ["Input.Phone"] = "555-201-0004",
            ["Input.CoordinatorId"] = CoordB, ["Input.ContinueDespiteDuplicate"] = "true",
        }, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var pagedCase = Guid.Parse(posted.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(CoordB, (await CaseAsync(pagedCase)).CoordinatorId);
        using var forgedPage = await Forms.PostFormAsync(a, "/clients/new", "/clients/new", new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Ines", ["Input.FamilyName"] = "Forged", ["Input.DateOfBirth"] = "1980-01-06", ["Input.CoordinatorId"] = CoordB,
        }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, forgedPage.StatusCode);
        Assert.Equal(intakes + 1, await App.CountAsync<IntakeRequest>());
    }

    [Fact]
    public async Task Reassign_MovesTheCase_TasksAndRemindersFollow_OldCoordinatorIsRefused_AndItIsAudited()
    {
        using var sup = await SignInAsync(Sup);
        using var a = await SignInAsync(CoordA);
        using var b = await SignInAsync(CoordB);
        var caseId = await IntakeAsync(sup, "Rhea", "Moved", "1975-03-04", "555-202-0001", CoordA);
        var (task, checkIn) = await SeedTaskAndCheckInWithRemindersAsync(caseId);
        var before = await RemindersAsync(task.Id, checkIn.Id);
        Assert.Equal(2, before.Count(m => m.Status == OutboxStatus.Pending));
        Assert.All(before.Where(m => m.Status == OutboxStatus.Pending), m => Assert.Equal(Email(CoordA), m.To));
        using (var mine = await a.GetAsync($"/api/cases/{caseId}", Cancel)) Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        using (var notYet = await b.GetAsync($"/api/cases/{caseId}", Cancel)) Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);

        using var response = await sup.PostAsJsonAsync($"/api/cases/{caseId}/coordinator", new { coordinatorId = CoordB, reason = "Rhea moved across town" }, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var moved = JsonNode.Parse(text)!;
        Assert.Equal(CoordA, (string)moved["from"]!);
        Assert.Equal(CoordB, (string)moved["to"]!);
        Assert.True((int)moved["openTasks"]! >= 1);
        Assert.Equal(1, (int)moved["pendingCheckIns"]!);

        var @case = await CaseAsync(caseId);
        Assert.Equal(CoordB, @case.CoordinatorId);
        Assert.Equal(CoordB, @case.CoordinatorName);
        // The old coordinator's next requests for the case, its task and its check-in are refused; the new one has them.
        using (var gone = await a.GetAsync($"/api/cases/{caseId}", Cancel)) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using (var page = await a.GetAsync($"/cases/{caseId}", Cancel)) Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using (var complete = await a.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { result = new { } }, Cancel))
            Assert.Equal(HttpStatusCode.NotFound, complete.StatusCode);
        using (var now = await b.GetAsync($"/api/cases/{caseId}", Cancel)) Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        var bTasks = JsonNode.Parse(await b.GetStringAsync($"/api/tasks?caseId={caseId}", Cancel))!.AsArray();
        Assert.Contains(bTasks, t => (string)t!["id"]! == task.Id.ToString());
        Assert.Equal(CoordinatorTaskStatus.Open, (await App.WithDbAsync(db => db.Set<CoordinatorTask>().AsNoTracking().SingleAsync(t => t.Id == task.Id, Cancel))).Status);

        // Reminders: A's are cancelled, the same ones are queued for B.
        var after = await RemindersAsync(task.Id, checkIn.Id);
        Assert.All(after.Where(m => m.To == Email(CoordA)), m => Assert.Equal(OutboxStatus.Cancelled, m.Status));
        var pending = after.Where(m => m.Status == OutboxStatus.Pending).ToList();
        Assert.Equal(2, pending.Count);
        Assert.All(pending, m => Assert.Equal(Email(CoordB), m.To));
        Assert.Contains(pending, m => m.Topic == CoordinatorReminders.TaskTopic(task.Id));
        Assert.Contains(pending, m => m.Topic == CoordinatorReminders.CheckInTopic(checkIn.Id));

        // The timeline and the audit log say who moved it, from whom to whom, and why.
        var timeline = await App.WithDbAsync(db => db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == caseId && e.Kind == "reassigned").ToListAsync(Cancel));
        Assert.Equal($"Case reassigned from {CoordA} to {CoordB} by {Sup}: Rhea moved across town", Assert.Single(timeline).Text);
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.CaseReassigned && e.TargetId == caseId.ToString()).ToListAsync(Cancel));
        var row = Assert.Single(audit);
        Assert.Equal(Sup, row.Actor);
        Assert.Equal("case", row.TargetType);
        Assert.Contains($"from={CoordA}; to={CoordB}", row.Detail, StringComparison.Ordinal);
        Assert.Contains("reason=Rhea moved across town", row.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reassign_IsRefused_ToCoordinators_WithoutAReason_AndToUnknownAccounts_ChangingNothing()
    {
        using var sup = await SignInAsync(Sup);
        using var a = await SignInAsync(CoordA);
        var caseId = await IntakeAsync(sup, "Rolf", "Stays", "1971-05-06", "555-203-0001", CoordA);

        using (var own = await a.PostAsJsonAsync($"/api/cases/{caseId}/coordinator", new { coordinatorId = CoordB, reason = "mine to give" }, Cancel))
            await AssertProblemAsync(own, HttpStatusCode.Forbidden, "coordinatorId");
        using (var noReason = await sup.PostAsJsonAsync($"/api/cases/{caseId}/coordinator", new { coordinatorId = CoordB, reason = " " }, Cancel))
            await AssertProblemAsync(noReason, HttpStatusCode.BadRequest, "reason");
        using (var unknown = await sup.PostAsJsonAsync($"/api/cases/{caseId}/coordinator", new { coordinatorId = Sup, reason = "a supervisor is not a coordinator" }, Cancel))
            await AssertProblemAsync(unknown, HttpStatusCode.BadRequest, "coordinatorId");
        using (var same = await sup.PostAsJsonAsync($"/api/cases/{caseId}/coordinator", new { coordinatorId = CoordA, reason = "no change" }, Cancel))
            await AssertProblemAsync(same, HttpStatusCode.BadRequest, "coordinatorId");
        using (var nowhere = await sup.PostAsJsonAsync($"/api/cases/{Guid.NewGuid()}/coordinator", new { coordinatorId = CoordB, reason = "no such case" }, Cancel))
            Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        using (var page = await a.GetAsync($"/cases/{caseId}/assign", Cancel)) Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(CoordA, (await CaseAsync(caseId)).CoordinatorId);
        Assert.Equal(0, await App.CountAsync<CaseEvent>(q => q.Where(e => e.CaseId == caseId && e.Kind == "reassigned")));

        // The page: the field is named next to its error, and a valid post moves the case.
        var detail = await sup.GetStringAsync($"/cases/{caseId}", Cancel);
        Assert.Contains($"/cases/{caseId}/assign", detail, StringComparison.Ordinal);
        Assert.DoesNotContain($"/cases/{caseId}/assign", await a.GetStringAsync($"/cases/{caseId}", Cancel), StringComparison.Ordinal);
        using var missing = await Forms.PostFormAsync(sup, $"/cases/{caseId}/assign", $"/cases/{caseId}/assign",
            new Dictionary<string, string> { ["Input.CoordinatorId"] = CoordB, ["Input.Reason"] = "" }, Cancel);
        Assert.Contains("Say why the case is reassigned.", await missing.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var done = await Forms.PostFormAsync(sup, $"/cases/{caseId}/assign", $"/cases/{caseId}/assign",
            new Dictionary<string, string> { ["Input.CoordinatorId"] = CoordB, ["Input.Reason"] = "Caseload balance" }, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(CoordB, (await CaseAsync(caseId)).CoordinatorId);
    }

    [Fact]
    public async Task Merge_FromTheQueue_MovesEveryClientKeyedRow_KeepsThemAll_ClosesTheReview_AndIsAudited()
    {
        using var sup = await SignInAsync(Sup);
        using var a = await SignInAsync(CoordA);
        var (existingCase, registeredCase) = await CrossCaseloadPairAsync(sup, "Mara", "Twice", "1968-07-08", "555-204-0001");
        var existing = (await CaseAsync(existingCase)).ClientId;
        var registered = (await CaseAsync(registeredCase)).ClientId;
        Assert.NotEqual(existing, registered);
        var planted = await SeedClientRowsAsync(registeredCase, registered);

        // The queue, for supervisors: both records side by side with their coordinators; the navigation counts it.
        var queue = await sup.GetStringAsync("/supervisor/duplicates", Cancel);
        Assert.Contains("Mara Twice", queue, StringComparison.Ordinal);
        Assert.Contains(CoordA, queue, StringComparison.Ordinal);
        Assert.Contains(CoordB, queue, StringComparison.Ordinal);
        Assert.Matches(@"Duplicate reviews \([1-9]\d*\)", queue);
        using (var refused = await a.GetAsync("/supervisor/duplicates", Cancel)) Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("Duplicate reviews", await a.GetStringAsync("/", Cancel), StringComparison.Ordinal);
        var review = await ReviewOfAsync(registeredCase);

        using var noReason = await Forms.PostFormAsync(sup, "/supervisor/duplicates", "/supervisor/duplicates?handler=Merge",
            new Dictionary<string, string> { ["taskId"] = review.ToString(), ["survivorId"] = existing.ToString(), ["reason"] = "" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Say why the records are merged.", await noReason.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Null((await ClientAsync(registered)).MergedIntoId);

        using var merged = await Forms.PostFormAsync(sup, "/supervisor/duplicates", "/supervisor/duplicates?handler=Merge",
            new Dictionary<string, string> { ["taskId"] = review.ToString(), ["survivorId"] = existing.ToString(), ["reason"] = "Same person, same phone" }, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        // Every row kept and moved to the survivor; the merged record is kept, marked, and no longer found.
        var gone = await ClientAsync(registered);
        Assert.Equal(existing, gone.MergedIntoId);
        Assert.Equal(existing, (await CaseAsync(registeredCase)).ClientId);
        Assert.Equal(existing, (await CaseAsync(existingCase)).ClientId);
        await App.WithDbAsync(async db =>
        {
            Assert.Equal(existing, (await db.Set<Consent>().AsNoTracking().SingleAsync(c => c.Id == planted.Consent, Cancel)).ClientId);
            Assert.Equal(existing, (await db.Set<Referral>().AsNoTracking().SingleAsync(r => r.Id == planted.Referral, Cancel)).ClientId);
            Assert.Equal(existing, (await db.Set<DisclosureRecord>().AsNoTracking().SingleAsync(d => d.Id == planted.Disclosure, Cancel)).ClientId);
            Assert.Equal(0, await db.Set<IntakeRequest>().CountAsync(r => r.ClientId == registered || r.CrossCaseloadMatchId == registered, Cancel));
            Assert.Equal(0, await db.Set<Case>().CountAsync(c => c.ClientId == registered, Cancel));
            var task = await db.Set<CoordinatorTask>().AsNoTracking().SingleAsync(t => t.Id == review, Cancel);
            Assert.Equal(CoordinatorTaskStatus.Completed, task.Status);
            Assert.Equal(Sup, task.CompletedBy);
            return 0;
        });
        var audit = Assert.Single(await App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.ClientsMerged && e.TargetId == existing.ToString()).ToListAsync(Cancel)));
        Assert.Equal(Sup, audit.Actor);
        Assert.Contains($"survivor={existing}; merged={registered}; cases=1; consents=1; disclosures=1; referrals=1; intake requests=1; reviews closed=1", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("reason=Same person, same phone", audit.Detail, StringComparison.Ordinal);
        Assert.Contains(await App.WithDbAsync(db => db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == registeredCase).Select(e => e.Text).ToListAsync(Cancel)),
            t => t.StartsWith($"Client records merged by {Sup}", StringComparison.Ordinal));
        var search = JsonNode.Parse(await sup.GetStringAsync("/api/clients?q=Twice", Cancel))!.AsArray();
        Assert.Equal(existing.ToString(), (string)Assert.Single(search)!["id"]!);
        Assert.DoesNotContain("Mara Twice", await sup.GetStringAsync("/supervisor/duplicates", Cancel), StringComparison.Ordinal);

        // Refused: merging again, into itself, into the merged record, and by a coordinator; nothing changes.
        var rows = await App.CountAsync<Case>(q => q.Where(c => c.ClientId == existing));
        using (var again = await sup.PostAsJsonAsync($"/api/clients/{existing}/merge", new { mergedId = registered, reason = "again" }, Cancel))
            await AssertProblemAsync(again, HttpStatusCode.Conflict, "mergedId");
        using (var itself = await sup.PostAsJsonAsync($"/api/clients/{existing}/merge", new { mergedId = existing, reason = "itself" }, Cancel))
            await AssertProblemAsync(itself, HttpStatusCode.BadRequest, "mergedId");
        using (var intoMerged = await sup.PostAsJsonAsync($"/api/clients/{registered}/merge", new { mergedId = existing, reason = "backwards" }, Cancel))
            await AssertProblemAsync(intoMerged, HttpStatusCode.Conflict, "survivorId");
        using (var coordinator = await a.PostAsJsonAsync($"/api/clients/{existing}/merge", new { mergedId = registered, reason = "mine" }, Cancel))
            await AssertProblemAsync(coordinator, HttpStatusCode.Forbidden, "mergedId");
        using (var noReason2 = await sup.PostAsJsonAsync($"/api/clients/{existing}/merge", new { mergedId = Guid.NewGuid() }, Cancel))
            await AssertProblemAsync(noReason2, HttpStatusCode.BadRequest, "reason");
        Assert.Equal(rows, await App.CountAsync<Case>(q => q.Where(c => c.ClientId == existing)));
        Assert.Single(await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.ClientsMerged && e.TargetId == existing.ToString()).ToListAsync(Cancel)));
    }

    [Fact]
    public async Task DifferentPeople_ClosesTheReview_KeepsBothRecords_AndIsAudited()
    {
        using var sup = await SignInAsync(Sup);
        var (existingCase, registeredCase) = await CrossCaseloadPairAsync(sup, "Dana", "Apart", "1966-09-10", "555-205-0001");
        var review = await ReviewOfAsync(registeredCase);
        using var posted = await Forms.PostFormAsync(sup, "/supervisor/duplicates", "/supervisor/duplicates?handler=Different",
            new Dictionary<string, string> { ["taskId"] = review.ToString() }, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var task = await App.WithDbAsync(db => db.Set<CoordinatorTask>().AsNoTracking().SingleAsync(t => t.Id == review, Cancel));
        Assert.Equal(CoordinatorTaskStatus.Completed, task.Status);
        Assert.Equal(Sup, task.CompletedBy);
        Assert.Contains("different-people", task.ResultJson, StringComparison.Ordinal);
        Assert.Null((await ClientAsync((await CaseAsync(registeredCase)).ClientId)).MergedIntoId);
        Assert.Null((await ClientAsync((await CaseAsync(existingCase)).ClientId)).MergedIntoId);
        Assert.Single(await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.DuplicateDismissed && e.TargetId == review.ToString()).ToListAsync(Cancel)));

        using var twice = await Forms.PostFormAsync(sup, "/supervisor/duplicates", "/supervisor/duplicates?handler=Different",
            new Dictionary<string, string> { ["taskId"] = review.ToString() }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("This review is no longer open.", await twice.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryColumnThatNamesAClient_IsMovedByTheMerge()
    {
        using var scope = App.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>().Model;
        var clientKeyed = model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.ClrType == typeof(Guid) || x.Property.ClrType == typeof(Guid?))
            .Where(x => x.Property.Name.EndsWith("ClientId", StringComparison.Ordinal) || x.Property.Name.EndsWith("DuplicateOfId", StringComparison.Ordinal)
                || x.Property.Name.EndsWith("MatchId", StringComparison.Ordinal)
                || x.Property.GetContainingForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(Client)))
            .Select(x => $"{x.Type.ClrType.Name}.{x.Property.Name}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(MergeClientsHandler.MovedColumns.Order(StringComparer.Ordinal), clientKeyed);
    }

    /// <summary>The same person taken in for A (through the API) and then for B: a new record and a supervisor review.</summary>
    private async Task<(Guid ExistingCase, Guid RegisteredCase)> CrossCaseloadPairAsync(HttpClient sup, string given, string family, string dob, string phone)
    {
        var first = await IntakeAsync(sup, given, family, dob, phone, CoordA);
        var second = await IntakeAsync(sup, given, family, dob, phone, CoordB);
        return (first, second);
    }

    private async Task<Guid> ReviewOfAsync(Guid caseId) => await App.WithDbAsync(db => db.Set<CoordinatorTask>().AsNoTracking()
        .Where(t => t.CaseId == caseId && t.Kind == CoordinatorTaskKind.SupervisorDuplicateReview && t.Status == CoordinatorTaskStatus.Open).Select(t => t.Id).SingleAsync(Cancel));

    /// <summary>A consent, a referral and a disclosure-ledger row on the client (as a provider link would leave them).</summary>
    private async Task<(Guid Consent, Guid Referral, Guid Disclosure)> SeedClientRowsAsync(Guid caseId, Guid clientId)
    {
        var now = await App.WithServicesAsync(s => Task.FromResult(s.GetRequiredService<TimeProvider>().GetUtcNow()));
        var consent = new Consent
        {
            Id = Guid.NewGuid(), ClientId = clientId, DisclosingParty = "Program", InformationDescription = "Name", RecipientName = "Harbor", Purpose = "Referral",
            RevocationInstructions = "Tell the coordinator", SignedBy = "Client", SignedAt = now, RecordedAt = now,
        };
        var referral = new Referral
        {
            Id = Guid.NewGuid(), Reference = "R-" + _suffix, CaseId = caseId, ClientId = clientId, Category = "housing", ServiceId = "svc", OrganizationId = "org",
            ConsentId = consent.Id, RequestedAt = now, LastModifiedAt = now,
        };
        var disclosure = new DisclosureRecord
        {
            Id = Guid.NewGuid(), ClientId = clientId, ConsentId = consent.Id, ReferralId = referral.Id, RecipientName = "Harbor", RecipientEmail = "intake@harbor.example",
            Information = "name", DisclosedAt = now,
        };
        await App.SeedAsync(data =>
        {
            data.Add(consent);
            data.Add(referral);
            data.Add(disclosure);
        }, Cancel);
        return (consent.Id, referral.Id, disclosure.Id);
    }

    /// <summary>An open task and a pending check-in on the case, due in two days, with their reminders queued.</summary>
    private async Task<(CoordinatorTask Task, CheckIn CheckIn)> SeedTaskAndCheckInWithRemindersAsync(Guid caseId)
    {
        return await App.WithDbAsync(async (services, db) =>
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var task = new CoordinatorTask
            {
                Id = Guid.NewGuid(), CaseId = caseId, Kind = CoordinatorTaskKind.General, Title = "Call the housing office", CreatedAt = now,
                DueAt = now.AddDays(2), Status = CoordinatorTaskStatus.Open,
            };
            var checkIn = new CheckIn { Id = Guid.NewGuid(), CaseId = caseId, Label = "day 3", DueAt = now.AddDays(2) };
            db.AddRange(task, checkIn);
            var reminders = services.GetRequiredService<CoordinatorReminders>();
            await reminders.ForTaskAsync(task, Cancel);
            await reminders.ForCheckInAsync(checkIn, Cancel);
            await db.SaveChangesAsync(Cancel);
            return (task, checkIn);
        });
    }

    private Task<List<OutboxMessage>> RemindersAsync(Guid taskId, Guid checkInId)
    {
        var topics = new[] { CoordinatorReminders.TaskTopic(taskId), CoordinatorReminders.CheckInTopic(checkInId) };
        return App.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Topic != null && topics.Contains(m.Topic)).ToListAsync(Cancel));
    }

    private static object Intake(string given, string family, string dob, string phone, string coordinatorId) =>
        new { givenName = given, familyName = family, dateOfBirth = dob, phone, coordinatorId };

    private static async Task<Guid> IntakeAsync(HttpClient client, string given, string family, string dob, string phone, string coordinatorId)
    {
        using var response = await client.PostAsJsonAsync("/api/clients/intake", Intake(given, family, dob, phone, coordinatorId), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"intake answered {(int)response.StatusCode}: {text}");
        return Guid.Parse((string)JsonNode.Parse(text)!["caseId"]!);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonNode.Parse(text)!["errors"]?[field] is not null, $"errors should name {field}: {text}");
    }

    private Task<Case> CaseAsync(Guid caseId) => App.WithDbAsync(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == caseId, Cancel));

    private Task<Client> ClientAsync(Guid clientId) => App.WithDbAsync(db => db.Set<Client>().AsNoTracking().SingleAsync(c => c.Id == clientId, Cancel));

    private static string Email(string userName) => $"{userName}@coordinators.example";

    private async Task CreateUserAsync(string userName, string role)
    {
        await App.WithServicesAsync(async services =>
        {
            await ConfiguredUserProvisioner.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            var user = new IdentityUser(userName) { Email = Email(userName), EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return 0;
        });
    }

    private async Task<HttpClient> SignInAsync(string userName)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await Forms.PostSignInAsync(client, userName, Password, "/", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
