using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Expressions;

namespace CareFlow.Workflows.Runtime;

/// <summary>What the runner needs from its host: the catalogue, expressions, clock, services, line writer and budget.</summary>
/// <param name="Catalogue">The activity catalogue.</param>
/// <param name="Evaluator">The expression evaluator.</param>
/// <param name="Time">The clock.</param>
/// <param name="Services">Services of the current scope.</param>
/// <param name="Lines">Where <c>Elsa.WriteLine</c> writes.</param>
/// <param name="Budget">What one burst may use.</param>
public sealed record WorkflowRuntimeServices(
    ActivityCatalogue Catalogue, ExpressionEvaluator Evaluator, TimeProvider Time, IServiceProvider Services, IWorkflowLineWriter Lines, WorkflowBudget Budget);
