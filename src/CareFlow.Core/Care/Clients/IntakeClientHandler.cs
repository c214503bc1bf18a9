using System.Net.Mail;
using System.Text.Json.Nodes;
using CareFlow.Core.Care.Stages;
using CareFlow.Core.Hygiene;
using CareFlow.Core.Workflows;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Core.Care.Clients;

/// <summary>
/// A coordinator's intake. The request row is saved, then the intake workflow registers or matches the client and
/// opens the case; the API and the intake page both come here.
/// </summary>
public sealed class IntakeClientHandler(ICareData data, IWorkflowRuntime runtime)
{
    /// <summary>The refusals for an intake as (field, message); empty when it may go ahead.</summary>
    public static IEnumerable<(string Field, string Message)> Validate(string? givenName, string? familyName, DateOnly? dateOfBirth, string? phone, string? email, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(givenName)) yield return ("givenName", "Given name is required.");
        else if (givenName.Trim().Length > 100) yield return ("givenName", "Given name is at most 100 characters.");
        else if (TextHygiene.NameProblem(givenName) is { } givenProblem) yield return ("givenName", givenProblem);
        if (string.IsNullOrWhiteSpace(familyName)) yield return ("familyName", "Family name is required.");
        else if (familyName.Trim().Length > 100) yield return ("familyName", "Family name is at most 100 characters.");
        else if (TextHygiene.NameProblem(familyName) is { } familyProblem) yield return ("familyName", familyProblem);
        if (dateOfBirth is not { } dob) yield return ("dateOfBirth", "Date of birth is required (YYYY-MM-DD).");
        else if (dob > DateOnly.FromDateTime(now.UtcDateTime) || dob.Year < 1900) yield return ("dateOfBirth", "Date of birth is not plausible.");
        if (!string.IsNullOrWhiteSpace(email) && (email.Length > 254 || !MailAddress.TryCreate(email, out _) || TextHygiene.NameProblem(email) is not null)) yield return ("email", "Not an email address.");
        if (!string.IsNullOrWhiteSpace(phone) && (phone.Length > 40 || phone.Count(char.IsAsciiDigit) < 7 || TextHygiene.NameProblem(phone) is not null)) yield return ("phone", "A phone number needs at least 7 digits (at most 40 characters).");
    }

    /// <summary>Saves the request and runs the intake workflow; the outcome says where the client landed or why not.</summary>
    public async Task<IntakeOutcome> HandleAsync(IntakeRequest intake, CancellationToken cancellationToken = default)
    {
        data.Add(intake);
        await data.SaveChangesAsync(cancellationToken);
        var state = await runtime.StartAsync(StageWorkflows.Intake, VersionOptions.Published, new StartWorkflowRequest
        {
            Name = "intake", Input = new JsonObject { ["intakeId"] = intake.Id.ToString() },
        }, cancellationToken);
        if (state is null) return new IntakeOutcome(null, null, "The intake workflow is not published (workflows/intake.json).", Unavailable: true);
        var done = await data.FirstOrDefaultAsync(data.Query<IntakeRequest>().Where(r => r.Id == intake.Id), cancellationToken);
        if (done?.CaseId is null)
            return new IntakeOutcome(done, state.Id, $"Intake failed: {state.Incidents.FirstOrDefault()?.Message ?? "the workflow did not register the client"}", Unavailable: false);
        return new IntakeOutcome(done, state.Id, null, Unavailable: false);
    }

    /// <summary>What the coordinator is told about the match the workflow made.</summary>
    public static string? DuplicateWarning(ClientMatchKind? kind) => kind switch
    {
        ClientMatchKind.Exact => "This person is already a client: the new case was opened for the existing client record.",
        ClientMatchKind.Possible => "This person may duplicate an existing client: a review task was created.",
        _ => null,
    };
}
