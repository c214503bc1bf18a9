using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Email;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Email;

/// <summary>A client with planted, recognisable data, a consent naming the provider, and a requested referral.</summary>
public sealed class ReferralFixture
{
    public const string GivenName = "Zebulon";
    public const string FamilyName = "Quartermaine";
    public const string Phone = "+1 555 0199 7731";
    public const string ClientEmail = "zebulon.q@client.test";
    public const string DateOfBirth = "1979-03-14";
    public const string ProviderEmail = "intake@harbor-housing.test";

    public Guid ReferralId { get; } = Guid.NewGuid();

    public Guid ClientId { get; } = Guid.NewGuid();

    public Guid ConsentId { get; } = Guid.NewGuid();

    public Guid CaseId { get; } = Guid.NewGuid();

    public string Reference { get; } = "R-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public string ProgramName { get; init; } = "Harbor Rapid Rehousing";

    public string ServiceEmail { get; init; } = ProviderEmail;

    public string Scope { get; init; } = "Name, date of birth and contact details, for the housing referral";

    public bool ConsentRevoked { get; init; }

    public async Task SeedAsync(CareFlowDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.Add(new Organization { Id = "org-harbor", Name = "Harbor Housing", Email = ProviderEmail, UpdatedAt = now });
        db.Add(new Service { Id = "svc-harbor", OrganizationId = "org-harbor", Name = ProgramName, ReferralEmail = ServiceEmail, UpdatedAt = now, Category = "housing" });
        db.Add(new Client
        {
            Id = ClientId, GivenName = GivenName, FamilyName = FamilyName, NormalizedName = "zebulon quartermaine",
            DateOfBirth = DateOnly.Parse(DateOfBirth, System.Globalization.CultureInfo.InvariantCulture), Phone = Phone, Email = ClientEmail, CreatedAt = now,
        });
        db.Add(new Case { Id = CaseId, ClientId = ClientId, CoordinatorId = "casey", CoordinatorName = "Casey", Stage = CaseStage.Referral, Status = CaseStatus.Open, OpenedAt = now });
        db.Add(new Consent
        {
            Id = ConsentId, ClientId = ClientId, DisclosingParty = "Sunrise Substance Use Program", InformationDescription = Scope,
            RecipientOrganizationId = "org-harbor", RecipientName = "Harbor Housing", RecipientEmail = ProviderEmail, Purpose = "housing referral",
            RevocationInstructions = "Tell your coordinator.", ExpiresOn = DateOnly.FromDateTime(now.UtcDateTime.AddYears(1)), SignedBy = "Zebulon Quartermaine",
            SignedAt = now, RecordedAt = now, RevokedAt = ConsentRevoked ? now : null, RevocationMethod = ConsentRevoked ? "written" : null,
        });
        db.Add(new Referral
        {
            Id = ReferralId, Reference = Reference, CaseId = CaseId, ClientId = ClientId, Category = "housing", ServiceId = "svc-harbor",
            OrganizationId = "org-harbor", ConsentId = ConsentId, RequestedAt = now, ResponseDueAt = now.AddDays(2), Status = ReferralTaskStatus.Requested,
            LastModifiedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What NotifyProvider does inside a burst: record the notification and queue its email; the outbox row commits with it.</summary>
    public async Task NotifyAsync(IServiceProvider services, ProviderNotificationKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CareFlowDbContext>();
        var notification = new ProviderNotification { Id = Guid.CreateVersion7(now), ReferralId = ReferralId, Kind = kind, RecipientEmail = ServiceEmail, RequestedAt = now };
        db.Add(notification);
        var referral = await db.Set<Referral>().SingleAsync(r => r.Id == ReferralId, cancellationToken);
        await services.GetRequiredService<ReferralEmails>().NotifyAsync(referral, notification, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every planted value that must never appear in a provider email.</summary>
    public static IEnumerable<string> ClientData =>
        [GivenName, FamilyName, Phone, "555 0199", ClientEmail, DateOfBirth, "1979", "Sunrise", "Substance", "addiction", "housing referral"];
}
