using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Security;

/// <summary>
/// Authenticates <c>Authorization: ApiKey &lt;key&gt;</c> against <c>CareFlow:ApiKeys</c>. Keys are compared as
/// SHA-256 digests in fixed time, and every configured key is checked so timing says nothing about which matched.
/// With no keys configured every ApiKey request fails.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<CareFlowAccessOptions> access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "ApiKey ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());

        var presented = header[Prefix.Length..].Trim();
        var index = Match(presented, access.CurrentValue.ApiKeys);
        if (index < 0)
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "api-key"), new Claim(ClaimTypes.NameIdentifier, $"api-key:{index}")],
            CareFlowAuthenticationSchemes.ApiKey);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(ticket));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.Append("WWW-Authenticate", "ApiKey");
        return base.HandleChallengeAsync(properties);
    }

    /// <summary>Returns the index of the matching configured key, or -1. Empty keys never match.</summary>
    internal static int Match(string presented, IList<string> keys)
    {
        if (presented.Length == 0)
            return -1;
        var presentedDigest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var found = -1;
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.IsNullOrEmpty(keys[i]))
                continue;
            var digest = SHA256.HashData(Encoding.UTF8.GetBytes(keys[i]));
            if (CryptographicOperations.FixedTimeEquals(digest, presentedDigest) && found < 0)
                found = i;
        }
        return found;
    }
}
