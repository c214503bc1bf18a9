namespace CareFlow.Core.Sessions;

/// <summary>
/// One signed-in browser session, kept on the server. The session cookie names it; a cookie whose session row is gone
/// (signed out, or ended because an admin locked the user, reset the password or changed the roles) is refused.
/// </summary>
public sealed class UserSession
{
    /// <summary>The random session id carried in the cookie's ticket (32 hex characters).</summary>
    public string Id { get; set; } = "";

    /// <summary>The Identity user id the session belongs to.</summary>
    public string UserId { get; set; } = "";

    /// <summary>When the user signed in (UTC).</summary>
    public DateTimeOffset SignedInAt { get; set; }
}
