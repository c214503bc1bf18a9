using CareFlow.Core.Care.Clients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

public sealed record IntakeBody(string? GivenName, string? FamilyName, DateOnly? DateOfBirth, string? Phone, string? Email,
    string? PreferredLanguage, bool DoNotContact, string? CoordinatorId, string? CoordinatorName)
{
    internal static ValidationProblem? Validate(IntakeBody? body, DateTimeOffset now)
    {
        if (body is null) return CareProblems.Field("body", "A JSON body is required.");
        foreach (var (field, message) in IntakeUseCase.Validate(body.GivenName, body.FamilyName, body.DateOfBirth, body.Phone, body.Email, now))
            return CareProblems.Field(field, message);
        return null;
    }
}
