namespace CareFlow.Workflows.Runtime;

/// <summary>A burst went past its <see cref="WorkflowBudget"/>; the message names the budget.</summary>
public sealed class WorkflowBudgetExceededException(string message) : Exception(message);
