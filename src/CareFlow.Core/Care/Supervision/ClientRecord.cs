using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;

namespace CareFlow.Core.Care.Supervision;

/// <summary>A client record with its cases (each naming its coordinator), as the duplicate-review queue shows it.</summary>
public sealed record ClientRecord(Client Client, IReadOnlyList<Case> Cases);
