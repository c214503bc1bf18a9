using System.Security.Cryptography;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Screening;
using CareFlow.Workflows.Activities;

namespace CareFlow.Core.Activities;

/// <summary>Creates the ServiceRequest and its Task (status requested) under the consent that covers it.</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Create referral",
    Description = "Creates a referral (ServiceRequest + Task, status requested) to a directory service under a consent.")]
public sealed class CreateReferral(ICareData data) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "The directory service; defaults to the ServiceId variable.")]
    public string? ServiceId { get; set; }

    [Input(Description = "The consent that names the recipient; defaults to the ConsentId variable.")]
    public string? ConsentId { get; set; }

    [Input(Description = "The need addressed; defaults to the NeedId variable.")]
    public string? NeedId { get; set; }

    [Output(Description = "The referral id.")]
    public string? ReferralId { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (@case, client) = await data.RequireCaseAndClientAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        var serviceId = string.IsNullOrWhiteSpace(ServiceId) ? RequireConsent.ReadVariable(context, "ServiceId") : ServiceId;
        var service = await data.FirstOrDefaultAsync(data.Query<Service>().Where(s => s.Id == serviceId), context.CancellationToken)
            ?? throw CareEntityNotFoundException.For("Directory service", serviceId ?? "(none)");
        var consentId = CareInputs.RequiredId(context, ConsentId, "consentId", "ConsentId");
        var needId = CareInputs.OptionalId(context, NeedId, "NeedId");
        var referral = new Referral
        {
            Id = Guid.CreateVersion7(context.Now), Reference = "R-" + RandomNumberGenerator.GetHexString(10), CaseId = @case.Id, ClientId = client.Id,
            NeedId = needId, Category = service.Category ?? "", ServiceId = service.Id, OrganizationId = service.OrganizationId, ConsentId = consentId,
            DoNotContactClient = client.DoNotContact, RequestedAt = context.Now, Status = ReferralTaskStatus.Requested, LastModifiedAt = context.Now,
        };
        data.Add(referral);
        if (needId is { } id && await data.FirstOrDefaultAsync(data.Query<Need>().Where(n => n.Id == id), context.CancellationToken) is { } need)
            need.Status = NeedStatus.Referred;
        CaseJournal.Record(data, @case.Id, context.Now, "referral-created", $"Referral {referral.Reference} to {service.Name} requested.");
        ReferralId = referral.Id.ToString();
        return ActivityResult.Done;
    }
}
