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
}
