namespace CareFlow.Core.Care.Consents;

public enum ConsentVerdict
{
    Valid,
    MissingOrExpired,
    Revoked,
}
