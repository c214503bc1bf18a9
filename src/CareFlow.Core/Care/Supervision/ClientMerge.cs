namespace CareFlow.Core.Care.Supervision;

/// <summary>What a merge moved from the merged client record to the survivor, by kind of row.</summary>
public sealed record ClientMerge(Guid SurvivorId, Guid MergedId, int Cases, int Consents, int Disclosures, int Referrals, int IntakeRequests, int ReviewsClosed);
