namespace CareFlow.Web.Endpoints.Care;

public sealed record ClientSummary(Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, bool DoNotContact);
