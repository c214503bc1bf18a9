using CareFlow.Core.Care;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Workflows.Activities;
using CareFlow.Core.Email;

namespace CareFlow.Core.Activities;

/// <summary>Records the notification and queues its minimum-necessary email to the provider (sent by the outbox after the commit).</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Notify provider",
    Description = "Records that the provider must be notified of the referral (no client data in the notification).")]
public sealed class NotifyProvider(ICareData data, ReferralEmails emails) : Activity
{
    [Input(Description = "The referral; defaults to the ReferralId variable.")]
    public string? ReferralId { get; set; }

    [Input(Description = "What to notify.", UIHint = "dropdown", Options = ["NewReferral", "Reminder", "Cancelled"], DefaultValue = "NewReferral")]
    public string Kind { get; set; } = nameof(ProviderNotificationKind.NewReferral);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!Enum.TryParse<ProviderNotificationKind>(Kind, out var kind)) throw new ArgumentException($"Unknown notification kind '{Kind}'.");
        var referralId = CareInputs.RequiredId(context, ReferralId, "referralId", "ReferralId");
        await AddAsync(data, emails, referralId, kind, context.Now, context.CancellationToken);
        return ActivityResult.Done;
    }

    internal static async Task<ProviderNotification> AddAsync(ICareData data, ReferralEmails emails, Guid referralId, ProviderNotificationKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var referral = await data.FindAsync<Referral>(r => r.Id == referralId, cancellationToken)
            ?? throw CareEntityNotFoundException.For("Referral", referralId);
        var service = await data.FirstOrDefaultAsync(data.Query<Service>().Where(s => s.Id == referral.ServiceId), cancellationToken)
            ?? throw CareEntityNotFoundException.For("Directory service", referral.ServiceId);
        var email = service.ReferralEmail
            ?? (await data.FirstOrDefaultAsync(data.Query<Organization>().Where(o => o.Id == service.OrganizationId), cancellationToken))?.Email
            ?? throw new InvalidOperationException($"Service '{service.Name}' has no referral email; add one in the directory, then retry.");
        var notification = new ProviderNotification { Id = Guid.CreateVersion7(now), ReferralId = referral.Id, Kind = kind, RecipientEmail = email, RequestedAt = now };
        data.Add(notification);
        await emails.NotifyAsync(referral, notification, cancellationToken);
        return notification;
    }
}
