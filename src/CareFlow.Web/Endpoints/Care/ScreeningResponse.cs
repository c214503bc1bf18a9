using CareFlow.Core.Care.Screening;

namespace CareFlow.Web.Endpoints.Care;

public sealed record ScreeningResponse(Guid ScreeningId, IReadOnlyList<string> PositiveDomains, bool RequiresStabilization, IReadOnlyList<Need> NewNeeds);
