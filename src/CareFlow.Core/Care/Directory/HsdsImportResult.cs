namespace CareFlow.Core.Care.Directory;

public sealed record HsdsImportResult(int Organizations, int Services, int Locations, int CostOptions);
