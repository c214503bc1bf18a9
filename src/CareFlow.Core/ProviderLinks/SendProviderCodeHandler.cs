using System.Globalization;
using System.Security.Cryptography;
using CareFlow.Core.Care;
using CareFlow.Core.Email.Templates;
using CareFlow.Core.Outbox;
using Microsoft.Extensions.Options;

namespace CareFlow.Core.ProviderLinks;

/// <summary>
/// Use case: the provider asks for a one-time code to see the client's details. At most three codes a quarter hour
/// per link; the code is stored salted and hashed, and its email goes only to the link's provider address.
/// </summary>
public sealed class SendProviderCodeHandler(
    OpenProviderLinkHandler open, ICareData data, IEmailOutbox outbox, EmailTemplates templates, IOptions<ProviderLinkOptions> options, TimeProvider time)
{
    private const int MaxCodesPerQuarterHour = 3;

    /// <summary>Emails a fresh one-time code to the link's provider address; false (with why) when not allowed.</summary>
    public async Task<(bool Sent, string Message)> HandleAsync(string token, CancellationToken cancellationToken = default)
    {
        var page = await open.HandleAsync(token, cancellationToken);
        if (page.Check != LinkCheck.Valid) return (false, page.Check.ToString());
        var link = page.Link!;
        var now = time.GetUtcNow();
        var since = now.AddMinutes(-15);
        var recent = await data.CountAsync(data.Query<ProviderAccessCode>().Where(c => c.LinkId == link.Id && c.CreatedAt > since), cancellationToken);
        if (recent >= MaxCodesPerQuarterHour) return (false, "Too many codes were requested; wait a few minutes and try again.");

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var salt = RandomNumberGenerator.GetBytes(16);
        var row = new ProviderAccessCode
        {
            Id = Guid.CreateVersion7(now), LinkId = link.Id, Salt = Convert.ToHexStringLower(salt), CodeHash = ProviderAccessCode.Hash(salt, code),
            CreatedAt = now, ExpiresAt = now + options.Value.CodeLifetime,
        };
        data.Add(row);
        var email = templates.OneTimeCode(code, options.Value.CodeLifetime);
        var key = OutboxKey.For($"link:{link.Id:N}", $"code:{row.Id:N}", link.RecipientEmail, email.Template, email.Version);
        await outbox.EnqueueAsync(new OutboxEmail(key, link.RecipientEmail, email, $"code:{link.Id:N}"), cancellationToken);
        await data.SaveChangesAsync(cancellationToken);
        return (true, "A code was sent to the referral address of your organisation.");
    }
}
