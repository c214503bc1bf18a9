namespace CareFlow.Infrastructure.Workflows;

/// <summary>Instance list filters, in the shape of Elsa's list route.</summary>
public sealed record InstanceFilter
{
    public IReadOnlyList<string>? DefinitionIds { get; init; }

    public string? CorrelationId { get; init; }

    public IReadOnlyList<string>? Statuses { get; init; }

    public IReadOnlyList<string>? SubStatuses { get; init; }

    public bool? HasIncidents { get; init; }

    public int? Version { get; init; }

    public string? SearchTerm { get; init; }

    public int? Page { get; init; }

    public int? PageSize { get; init; }

    public bool Ascending { get; init; }
}
