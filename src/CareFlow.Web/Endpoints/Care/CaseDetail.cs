using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Screening;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>A case with where the client stands: needs, check-ins and the timeline (blocked reason on the case).</summary>
public sealed record CaseDetail(Case Case, IReadOnlyList<Need> Needs, IReadOnlyList<CheckIn> CheckIns, IReadOnlyList<CaseEvent> Timeline);
