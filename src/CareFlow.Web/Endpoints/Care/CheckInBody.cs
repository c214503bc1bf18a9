using CareFlow.Core.Care.Plans;

namespace CareFlow.Web.Endpoints.Care;

public sealed record CheckInBody(CheckInOutcome? Outcome, string? Notes);
