using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Tasks;
using CareFlow.Workflows.Activities;

namespace CareFlow.Core.Activities;

/// <summary>Registers the client of an intake request, or matches an existing one, and opens the case.</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Register or match client", HasNamedOutcomesOnly = true,
    Description = "Matches the intake on normalised name, date of birth and a contact detail; opens a case. Workflow state keeps ids only.")]
[FlowPort("Registered")]
[FlowPort("Matched")]
[FlowPort("PossibleDuplicate", DisplayName = "Possible duplicate")]
public sealed class RegisterOrMatchClient(ICareData data) : Activity
{
    [Input(Description = "The intake request id; defaults to the workflow input intakeId.")]
    public string? IntakeId { get; set; }

    [Output(Description = "The client id.")]
    public string? ClientId { get; set; }

    [Output(Description = "The new case id.")]
    public string? CaseId { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var intakeId = CareInputs.RequiredId(context, IntakeId ?? context.Workflow.Input["intakeId"]?.GetValue<string>(), "intakeId", "IntakeId");
        var intake = await data.FirstOrDefaultAsync(data.Query<IntakeRequest>().Where(r => r.Id == intakeId), context.CancellationToken)
            ?? throw CareEntityNotFoundException.For("Intake request", intakeId);
        var candidate = ClientLookup.Candidate(intake, context.Now);
        var (kind, match) = await ClientLookup.MatchAsync(data, candidate, context.CancellationToken);
        // A match outside this coordinator's caseload is not theirs to know about: attaching the case would show them
        // that client's consents and disclosures, and saying "matches another client" (or its id) would tell them
        // someone else works with this person (42 CFR Part 2: minimum necessary). The person is registered anew, the
        // intake reads as a new registration, and a supervisor-only review is opened instead.
        var crossCaseloadMatch = kind != ClientMatchKind.None && !await OnCoordinatorsCaseloadAsync(match!.Id, intake.CoordinatorId, context.CancellationToken)
            ? match : null;
        if (crossCaseloadMatch is not null) kind = ClientMatchKind.None;

        var client = candidate;
        if (kind == ClientMatchKind.Exact)
        {
            client = match!;
            client.DoNotContact |= intake.DoNotContact;
        }
        else
        {
            data.Add(client);
        }

        var @case = new Case
        {
            Id = Guid.CreateVersion7(context.Now), ClientId = client.Id, CoordinatorId = intake.CoordinatorId, CoordinatorName = intake.CoordinatorName,
            Stage = CaseStage.Intake, Status = CaseStatus.Open, OpenedAt = context.Now,
        };
        data.Add(@case);
        intake.MatchKind = kind;
        intake.ClientId = client.Id;
        intake.CaseId = @case.Id;
        intake.PossibleDuplicateOfId = kind == ClientMatchKind.Possible ? match!.Id : null;
        intake.CrossCaseloadMatchId = crossCaseloadMatch?.Id;
        if (crossCaseloadMatch is not null) data.Add(SupervisorTasks.DuplicateReview(@case.Id, client.Id, crossCaseloadMatch.Id, context.Now));
        CaseJournal.Record(data, @case.Id, context.Now, "intake", kind switch
        {
            ClientMatchKind.Exact => "Intake matched an existing client.",
            ClientMatchKind.Possible => "Intake registered a client who may duplicate an existing one; review needed.",
            _ => "Intake registered a new client.",
        });
        ClientId = client.Id.ToString();
        CaseId = @case.Id.ToString();
        context.SetCorrelationId(CaseId);
        return ActivityResult.WithOutcomes(kind switch { ClientMatchKind.Exact => "Matched", ClientMatchKind.Possible => "PossibleDuplicate", _ => "Registered" });
    }

    private async Task<bool> OnCoordinatorsCaseloadAsync(Guid clientId, string coordinatorId, CancellationToken cancellationToken) =>
        await data.CountAsync(data.Query<Case>().Where(c => c.ClientId == clientId && c.CoordinatorId == coordinatorId), cancellationToken) > 0;
}
