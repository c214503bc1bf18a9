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
}
