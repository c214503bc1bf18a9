using CareFlow.Core.Care.Barriers;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>A barrier as recorded: <c>costAmount</c> only (and then always) for category Cost; <c>resolution</c> only when <c>status</c> is Resolved.</summary>
public sealed record BarrierBody(BarrierCategory? Category, string? Description, Guid? NeedId, Guid? ReferralId, string? ServiceId, string? CostOptionId,
    decimal? CostAmount = null, BarrierStatus? Status = null, string? Resolution = null);
