using CareFlow.Core.Care;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;

namespace CareFlow.Core.ProviderLinks;

/// <summary>
/// Use case: the provider opens /r/{token}. The token is verified (MAC, expiry) before the database is touched, then
/// the link row (revoked?) and the referral (cancelled?). Opening changes nothing: mail scanners open links too.
/// </summary>
public sealed class OpenProviderLinkHandler(ICareData data, IProviderLinkTokens tokens)
{
    public async Task<ProviderLinkPage> HandleAsync(string token, CancellationToken cancellationToken = default)
    {
        var check = tokens.Read(token, out var referralId, out var linkId);
        if (check != LinkCheck.Valid) return ProviderLinkPage.Refused(check);
        var link = await data.FirstOrDefaultAsync(data.Query<ProviderLink>().Where(l => l.Id == linkId && l.ReferralId == referralId), cancellationToken);
        var referral = await data.FirstOrDefaultAsync(data.Query<Referral>().Where(r => r.Id == referralId), cancellationToken);
        if (link is null || referral is null) return ProviderLinkPage.Refused(LinkCheck.Invalid);
        if (link.RevokedAt is not null || referral.Status is ReferralTaskStatus.Cancelled or ReferralTaskStatus.EnteredInError)
            return ProviderLinkPage.Refused(LinkCheck.Revoked);
        var program = await data.FirstOrDefaultAsync(data.Query<Service>().Where(s => s.Id == referral.ServiceId).Select(s => s.Name), cancellationToken);
        return new ProviderLinkPage(LinkCheck.Valid, referral.Id, referral.Reference, program ?? "", referral.ResponseDueAt, referral.Status, link);
    }
}
