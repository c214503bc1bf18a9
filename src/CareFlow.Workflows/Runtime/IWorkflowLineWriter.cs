namespace CareFlow.Workflows.Runtime;

/// <summary>Where <c>Elsa.WriteLine</c> sends its text; never the process's standard output.</summary>
public interface IWorkflowLineWriter
{
    /// <summary>Takes one line written by an activity of an instance.</summary>
    void WriteLine(WorkflowLine line);
}

/// <summary>One line written by <c>Elsa.WriteLine</c>.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="DefinitionId">The instance's definition.</param>
/// <param name="ActivityId">The activity that wrote it.</param>
/// <param name="Text">The text (may hold client data).</param>
public sealed record WorkflowLine(string InstanceId, string DefinitionId, string ActivityId, string? Text);
