namespace CareFlow.Core.Care.Plans;

public sealed class Goal
{
    public Guid Id { get; set; }

    public Guid PlanId { get; set; }

    public Guid? NeedId { get; set; }

    public string Text { get; set; } = "";

    public GoalStatus Status { get; set; }

    /// <summary>When the client wants to reach it.</summary>
    public DateOnly? TargetDate { get; set; }
}
