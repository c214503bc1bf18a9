namespace CareFlow.Web.Security;

/// <summary>Session and lockout settings, <c>CareFlow:Session</c>.</summary>
public sealed class CareFlowSessionOptions
{
    public const string SectionName = "CareFlow:Session";

    /// <summary>A session unused this long ends (sliding; default 30 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in however active it is (default 8 hours).</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How often a session's security stamp is checked against the database (default 1 minute). Locks, password resets
    /// and role changes made through CareFlow end the user's sessions at once (their server-side rows are deleted);
    /// this check also catches a stamp changed by other means.
    /// </summary>
    public TimeSpan RevalidateInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed sign-ins in a row that lock the account (default 5).</summary>
    public int LockoutFailures { get; set; } = 5;

    /// <summary>How long a lockout lasts (default 15 minutes).</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
