namespace CareFlow.Core.Audit;

/// <summary>The values of <see cref="AuditEntry.Action"/>.</summary>
public static class AuditActions
{
    /// <summary>A read of client data (GET/HEAD of a client-data endpoint or page).</summary>
    public const string Read = "read";

    /// <summary>A request that changes client data (POST, PUT, PATCH, DELETE of a client-data endpoint or page).</summary>
    public const string Change = "change";

    /// <summary>A refused request: a policy said 403, or a client-data route answered 404 (outside the caseload).</summary>
    public const string Denied = "denied";

    public const string SignIn = "sign-in";

    public const string SignInFailed = "sign-in-failed";

    public const string LockedOut = "locked-out";

    public const string SignOut = "sign-out";

    /// <summary>An administrator created a user, changed roles, locked, unlocked or reset a password.</summary>
    public const string UserAdmin = "user-admin";

    /// <summary>A designer saved or published a form (target: the form id; route: what was done and the version).</summary>
    public const string FormDesign = "form-design";
}
