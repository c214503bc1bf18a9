namespace CareFlow.Core.Activities;

/// <summary>Every CareFlow activity type, registered in the engine's catalogue under the CareFlow category.</summary>
public static class CareActivities
{
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(RegisterOrMatchClient), typeof(RecordConsent), typeof(ScreenClient), typeof(RequireConsent), typeof(ChooseService),
        typeof(CreateReferral), typeof(NotifyProvider), typeof(WaitForProviderResponse), typeof(WaitForReferralCompletion),
        typeof(CreateCoordinatorTask), typeof(CreateStabilizationPlan), typeof(ScheduleCheckIn), typeof(RecordOutcome),
        typeof(LogBarrier), typeof(StartWorkflow), typeof(CloseCase),
        typeof(LogAdvocacy), // retired: records nothing; kept for instances of earlier workflow versions
    ];
}
