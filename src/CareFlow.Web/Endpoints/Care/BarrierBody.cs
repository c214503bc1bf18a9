using CareFlow.Core.Care.Barriers;

namespace CareFlow.Web.Endpoints.Care;

public sealed record BarrierBody(BarrierCategory? Category, string? Description, Guid? NeedId, Guid? ReferralId, string? ServiceId, string? CostOptionId);
