namespace CareFlow.Core.Care.Tasks;

public enum CoordinatorTaskKind
{
    General,
    ReviewDuplicate,
    RecordConsent,
    Screen,
    ChooseService,
    ObtainConsent,
    MissedCheckIn,
    ProviderNoResponse,
    ReviewStability,

    /// <summary>
    /// A possible duplicate of a client on another caseload, found at intake: for supervisors only (see
    /// <see cref="SupervisorTasks"/>); the coordinator whose intake found it is told nothing.
    /// </summary>
    SupervisorDuplicateReview,

    /// <summary>A stabilization check-in that is due: its outcome (held, stable, missed) and what was discussed.</summary>
    CheckIn,

    /// <summary>A follow-up (day 7, 30, 90): need met, service received, barriers.</summary>
    FollowUpOutcome,

    /// <summary>Closing the case: the reason and a summary.</summary>
    CloseCase,

    /// <summary>An advocacy note the workflow asks the coordinator for: what they did, of which kind, with whom.</summary>
    Advocacy,

    /// <summary>The stabilization plan written with the client: their goals and target dates.</summary>
    StabilizationPlan,
}
