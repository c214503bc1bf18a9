using System.Net;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Outbox;
using CareFlow.IntegrationTests.Email;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.IntegrationTests.ProviderLinks;

/// <summary>Revoking the consent behind a referral cancels it, kills the provider's link and tells the provider without client data.</summary>
[Collection(EmailCollectionDefinition.Name)]
public sealed class ConsentRevocationTests(CareFlowApp<EmailApp> app)
{
    private readonly ReferralEmailRig rig = new(app);

    [Fact]
    public async Task ConsentRevocation_CancelsTheReferral_KillsTheLink_AndTellsTheProviderWithoutClientData()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, _, email, _) = await rig.ReferAsync(cancellationToken);
        var path = ReferralEmailRig.LinkPath(email);

        await app.WithDbAsync(async (services, _) =>
        {
            var revokeConsent = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Care.Consents.RevokeConsentHandler>(services);
            await revokeConsent.HandleAsync(referral.ConsentId, "written", cancellationToken);
            return 0;
        });

        Assert.Equal(ReferralTaskStatus.Cancelled, await rig.StatusAsync(referral));
        using var provider = new ProviderPageClient(app);
        Assert.Equal(HttpStatusCode.Gone, (await provider.GetAsync(path, cancellationToken)).Status);
        var cancelled = await Poll.UntilAsync(() => app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Template.StartsWith("referral-cancelled") && m.Status == OutboxStatus.Sent, cancellationToken)),
            r => r is not null, ReferralEmailRig.Deadline, "the cancellation email", cancellationToken);
        var file = await rig.WaitForFileAsync(cancelled!.MessageId, cancellationToken);
        var raw = await File.ReadAllTextAsync(file, cancellationToken);
        foreach (var planted in ReferralFixture.ClientData) Assert.DoesNotContain(planted, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/r/", raw, StringComparison.Ordinal);
    }
}
