using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlow.Core.Care.Advocacy;
using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Screening;
using CareFlow.Core.Reminders;

namespace CareFlow.Core.Care.Tasks;

/// <summary>
/// What a coordinator's checked answers to a task's form record in the client's record, decided by the task's kind
/// (a screening, a consent, a check-in outcome, …). Runs in the completing use case's unit of work, before the
/// workflow is signalled; the value returned is what the waiting activity receives as its result. Each case records
/// exactly what the coordinator answered, under their name, through the same recording as the matching API use case;
/// nothing here saves.
/// </summary>
public sealed class TaskFormEffects(
    ICareData data,
    SubmitScreeningHandler screenings,
    RecordConsentHandler consents,
    RecordCheckInHandler checkIns,
    RecordAdvocacyHandler advocacy,
    RecordBarrierHandler barriers,
    CoordinatorReminders reminders,
    TimeProvider time)
{
    private readonly ICareData data = data;

    /// <summary>Records the effect of <paramref name="answers"/> (given by <paramref name="by"/>) and returns the workflow's result.</summary>
    /// <exception cref="CareValidationException">The answers cannot be recorded (named by field key); nothing is added.</exception>
    public async Task<JsonNode?> ApplyAsync(CoordinatorTask task, JsonObject answers, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(answers);
        if (string.IsNullOrWhiteSpace(by)) throw new CareValidationException("by", "A task is completed by a named person.");
        return task.Kind switch
        {
            CoordinatorTaskKind.Screen => await ScreenAsync(task, answers, by, cancellationToken),
            CoordinatorTaskKind.RecordConsent or CoordinatorTaskKind.ObtainConsent => await ConsentAsync(task, answers, by, cancellationToken),
            CoordinatorTaskKind.ChooseService => await ChooseServiceAsync(task, answers, cancellationToken),
            CoordinatorTaskKind.StabilizationPlan => await PlanAsync(task, answers, by, cancellationToken),
            CoordinatorTaskKind.CheckIn => await CheckInAsync(task, answers, by, cancellationToken),
            CoordinatorTaskKind.FollowUpOutcome => await FollowUpAsync(task, answers, by, cancellationToken),
            CoordinatorTaskKind.CloseCase => await CloseAsync(task, answers, by, cancellationToken),
            CoordinatorTaskKind.Advocacy => Advocacy(task, answers, by),
            _ => answers.DeepClone(),
        };
    }

    /// <summary>The AHC HRSN answers (question id → option values) scored into a screening and its needs.</summary>
    private async Task<JsonNode?> ScreenAsync(CoordinatorTask task, JsonObject answers, string by, CancellationToken cancellationToken)
    {
        var byQuestion = answers.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => Values(answers, a.Key), StringComparer.Ordinal);
        var instrument = ScreeningInstruments.Find(task.FormId ?? AhcHrsnCore.Id) is { } found ? found.Id : AhcHrsnCore.Id;
        var (screening, needs) = await screenings.RecordAsync(task.CaseId, instrument, byQuestion, by, cancellationToken);
        var result = (JsonObject)answers.DeepClone();
        result["screeningId"] = screening.Id.ToString();
        result["needs"] = new JsonArray([.. needs.Select(n => (JsonNode)JsonValue.Create(n.Domain))]);
        return result;
    }

    /// <summary>The §2.31 consent the client signed, for the case's client.</summary>
    private async Task<JsonNode?> ConsentAsync(CoordinatorTask task, JsonObject answers, string by, CancellationToken cancellationToken)
    {
        var @case = await data.RequireCaseAsync(task.CaseId, cancellationToken);
        var email = Text(answers, "recipientEmail");
        var consent = new Consent
        {
            ClientId = @case.ClientId, DisclosingParty = Text(answers, "disclosingParty") ?? "", InformationDescription = Text(answers, "informationDescription") ?? "",
            RecipientName = Text(answers, "recipientName") ?? email ?? "", RecipientEmail = email, Purpose = Text(answers, "purpose") ?? "",
            RevocationInstructions = Consent.DefaultRevocationInstructions, ExpiresOn = Date(answers, "expiresOn"), ExpiryEvent = Text(answers, "expiryEvent"),
            SignedBy = Text(answers, "signedBy") ?? "", SignedAt = time.GetUtcNow(),
        };
        await consents.RecordAsync(consent, by, exceptTaskId: task.Id, cancellationToken);
        var result = (JsonObject)answers.DeepClone();
        result["consentId"] = consent.Id.ToString();
        return result;
    }

    /// <summary>The directory service the client chose (active), and the need it addresses if the coordinator named one.</summary>
    private async Task<JsonNode?> ChooseServiceAsync(CoordinatorTask task, JsonObject answers, CancellationToken cancellationToken)
    {
        var serviceId = Text(answers, "serviceId") ?? throw new CareValidationException("serviceId", "Choose a directory service.");
        var service = await data.FirstOrDefaultAsync(data.Query<Service>().Where(s => s.Id == serviceId), cancellationToken)
            ?? throw new CareValidationException("serviceId", $"Unknown directory service '{serviceId}'.");
        if (!service.IsActive) throw new CareValidationException("serviceId", $"'{service.Name}' is {service.Status}.");
        string? needId = null;
        if (Text(answers, "needId") is { } needText)
        {
            if (!Guid.TryParse(needText, out var id) || await data.CountAsync(data.Query<Need>().Where(n => n.Id == id && n.CaseId == task.CaseId), cancellationToken) == 0)
                throw new CareValidationException("needId", "Not a need of this case.");
            needId = id.ToString();
        }

        return new JsonObject { ["serviceId"] = service.Id, ["needId"] = needId };
    }

    /// <summary>The plan written with the client: what they want to work on and up to three goals with target dates.</summary>
    private async Task<JsonNode?> PlanAsync(CoordinatorTask task, JsonObject answers, string by, CancellationToken cancellationToken)
    {
        var goals = new List<NewGoal>();
        for (var i = 1; i <= 3 || answers.ContainsKey($"goal{i}Text"); i++)
        {
            if (Text(answers, $"goal{i}Text") is { } text) goals.Add(new NewGoal(text, Date(answers, $"goal{i}TargetDate")));
        }

        var (plan, added) = await StabilizationPlans.WriteAsync(data, task.CaseId, Text(answers, "clientWants"), goals, by, time.GetUtcNow(), cancellationToken);
        var result = (JsonObject)answers.DeepClone();
        result["planId"] = plan.Id.ToString();
        result["goals"] = added.Count;
        return result;
    }

    /// <summary>A stabilization check-in's outcome: held (not yet stable), stable or missed, and what was discussed.</summary>
    private async Task<JsonNode?> CheckInAsync(CoordinatorTask task, JsonObject answers, string by, CancellationToken cancellationToken)
    {
        var outcome = Text(answers, "outcome") switch
        {
            "held" => CheckInOutcome.Held,
            "stable" => CheckInOutcome.Stable,
            "missed" => CheckInOutcome.Missed,
            var other => throw new CareValidationException("outcome", other is null ? "Say how the check-in went." : $"'{other}' is not an outcome: held, stable or missed."),
        };
        var checkIn = await OpenCheckInAsync(task.CaseId, cancellationToken);
        await checkIns.RecordAsync(checkIn.Id, outcome, Text(answers, "discussed"), by, cancellationToken);
        var result = (JsonObject)answers.DeepClone();
        result["checkInId"] = checkIn.Id.ToString();
        return result;
    }

    /// <summary>
    /// A follow-up's outcome: unreachable, or whether the service was received and the need met (the need of the
    /// case's latest referral is marked met or open), and each barrier the client named (recorded under the coordinator's name).
    /// </summary>
    private async Task<JsonNode?> FollowUpAsync(CoordinatorTask task, JsonObject answers, string by, CancellationToken cancellationToken)
    {
        var reached = Text(answers, "reached") != "no";
        var needMet = Text(answers, "needMet");
        var received = Text(answers, "serviceReceived");
        var outcome = !reached ? CheckInOutcome.Unreachable
            : received == "yes" ? CheckInOutcome.ServiceReceived
            : received == "no" ? CheckInOutcome.ServiceNotReceived
            : needMet == "yes" ? CheckInOutcome.Stable
            : CheckInOutcome.NeedsSupport;
        var checkIn = await OpenCheckInAsync(task.CaseId, cancellationToken);
        await checkIns.RecordAsync(checkIn.Id, outcome, Text(answers, "notes"), by, cancellationToken);

        var referral = await data.FirstOrDefaultAsync(data.Query<Referral>().Where(r => r.CaseId == task.CaseId).OrderByDescending(r => r.RequestedAt), cancellationToken);
        if (reached && needMet is not null && referral?.NeedId is { } needId
            && await data.FirstOrDefaultAsync(data.Query<Need>().Where(n => n.Id == needId), cancellationToken) is { } need)
            need.Status = needMet == "yes" ? NeedStatus.Met : NeedStatus.Open;

        foreach (var value in Values(answers, "barriers"))
        {
            if (!Enum.TryParse<BarrierCategory>(value, ignoreCase: false, out var category) || !Enum.IsDefined(category))
                throw new CareValidationException("barriers", $"'{value}' is not a barrier category.");
            await barriers.RecordAsync(task.CaseId, new NewBarrier(category, $"Named by the client at the {checkIn.Label} follow-up.",
                referral?.NeedId, referral?.Id, referral?.ServiceId), by, cancellationToken);
        }

        var result = (JsonObject)answers.DeepClone();
        result["checkInId"] = checkIn.Id.ToString();
        result["outcome"] = outcome.ToString();
        return result;
    }

    /// <summary>The case closed by the coordinator, for the reason and with the summary they gave.</summary>
    private async Task<JsonNode?> CloseAsync(CoordinatorTask task, JsonObject answers, string by, CancellationToken cancellationToken)
    {
        var value = Text(answers, "reason") ?? throw new CareValidationException("reason", "Say why the case closes.");
        var reason = CaseClosure.Reasons.TryGetValue(value, out var label) ? label : throw new CareValidationException("reason", $"'{value}' is not a closure reason.");
        await CaseClosure.CloseAsync(data, reminders, task.CaseId, reason, Text(answers, "summary"), by, time.GetUtcNow(), keepTaskId: task.Id, cancellationToken);
        return answers.DeepClone();
    }

    /// <summary>The advocacy note the coordinator wrote: kind, what they did, with whom.</summary>
    private JsonObject Advocacy(CoordinatorTask task, JsonObject answers, string by)
    {
        var kindText = Text(answers, "kind");
        AdvocacyKind? kind = Enum.TryParse<AdvocacyKind>(kindText, ignoreCase: false, out var k) && Enum.IsDefined(k) ? k
            : kindText is null ? null : throw new CareValidationException("kind", $"'{kindText}' is not a kind of advocacy.");
        var entry = advocacy.Record(task.CaseId, kind, Text(answers, "whatWasDone"), Text(answers, "withWhom"), by);
        var result = (JsonObject)answers.DeepClone();
        result["advocacyId"] = entry.Id.ToString();
        return result;
    }

    /// <summary>
    /// The case's check-in that waits for an outcome (the earliest due): the one whose due time created the task. Stage
    /// workflows run one after the other, so a case has one such check-in at a time, stabilization or follow-up.
    /// </summary>
    private async Task<CheckIn> OpenCheckInAsync(Guid caseId, CancellationToken cancellationToken) =>
        await data.FirstOrDefaultAsync(data.Query<CheckIn>().Where(c => c.CaseId == caseId && c.Outcome == null).OrderBy(c => c.DueAt), cancellationToken)
            ?? throw new CareValidationException("outcome", "No check-in of this case is waiting for an outcome.");

    /// <summary>A text answer, trimmed; null when absent or blank.</summary>
    private static string? Text(JsonObject answers, string key) =>
        answers[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    /// <summary>A checklist's values (a single text answer counts as one value).</summary>
    private static string[] Values(JsonObject answers, string key) => answers[key] switch
    {
        JsonArray array => [.. array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())],
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };

    /// <summary>A date answer (ISO yyyy-MM-dd, as the form validator gives it).</summary>
    private static DateOnly? Date(JsonObject answers, string key) => Text(answers, key) is { } text
        ? DateOnly.TryParseExact(text[..Math.Min(10, text.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : throw new CareValidationException(key, "Give a date as yyyy-MM-dd.")
        : null;
}
