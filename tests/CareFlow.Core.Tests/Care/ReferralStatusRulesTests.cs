using CareFlow.Core.Care.Referrals;

namespace CareFlow.Core.Tests.Care;

/// <summary>Every (from, to) pair of referral Task statuses against the FHIR R4 Task state machine as Gravity uses it.</summary>
public sealed class ReferralStatusRulesTests
{
    /// <summary>The allowed moves, written out by hand from the FHIR Task state diagram; every other pair is refused.</summary>
    private static readonly HashSet<string> Allowed =
    [
        "draft>requested", "draft>cancelled", "draft>entered-in-error",
        "requested>accepted", "requested>rejected", "requested>cancelled", "requested>failed", "requested>entered-in-error",
        "accepted>in-progress", "accepted>on-hold", "accepted>completed", "accepted>failed", "accepted>cancelled", "accepted>entered-in-error",
        "in-progress>on-hold", "in-progress>completed", "in-progress>failed", "in-progress>cancelled", "in-progress>entered-in-error",
        "on-hold>in-progress", "on-hold>failed", "on-hold>cancelled", "on-hold>entered-in-error",
    ];

    public static TheoryData<ReferralTaskStatus, ReferralTaskStatus> EveryPair()
    {
        var data = new TheoryData<ReferralTaskStatus, ReferralTaskStatus>();
        foreach (var from in Enum.GetValues<ReferralTaskStatus>())
        {
            foreach (var to in Enum.GetValues<ReferralTaskStatus>()) data.Add(from, to);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void CanMove_FollowsTheTaskStateMachine(ReferralTaskStatus from, ReferralTaskStatus to) =>
        Assert.Equal(Allowed.Contains($"{ReferralStatusRules.Code(from)}>{ReferralStatusRules.Code(to)}"), ReferralStatusRules.CanMove(from, to));

    [Theory]
    [InlineData(ReferralTaskStatus.Requested)]
    [InlineData(ReferralTaskStatus.Accepted)]
    [InlineData(ReferralTaskStatus.InProgress)]
    public void NothingMovesBackToDraft(ReferralTaskStatus from) => Assert.False(ReferralStatusRules.CanMove(from, ReferralTaskStatus.Draft));

    [Fact]
    public void TerminalStatuses_AreFinal()
    {
        foreach (var from in Enum.GetValues<ReferralTaskStatus>().Where(ReferralStatusRules.IsTerminal))
            Assert.DoesNotContain(Enum.GetValues<ReferralTaskStatus>(), to => ReferralStatusRules.CanMove(from, to));
    }
}
