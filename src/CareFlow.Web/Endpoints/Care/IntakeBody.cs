using CareFlow.Core.Hygiene;
using CareFlow.Core.Care.Clients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>
/// An intake as entered. <c>CoordinatorId</c> assigns the case: supervisors, admins and API keys name any account in
/// the coordinator role (else 400); a coordinator may name only themselves (else 403). The coordinator's name shown on
/// the case is that account's user name, never text from the request.
/// </summary>
public sealed record IntakeBody(string? GivenName, string? FamilyName, DateOnly? DateOfBirth, string? Phone, string? Email,
    string? PreferredLanguage, bool DoNotContact, string? CoordinatorId)
{
    /// <summary>The longest coordinator id a case keeps (the column's length).</summary>
    public const int MaxCoordinatorIdLength = 200;

    internal static ValidationProblem? Validate(IntakeBody? body, DateTimeOffset now)
    {
        if (body is null) return CareProblems.Field("body", "A JSON body is required.");
        foreach (var (field, message) in IntakeClientHandler.Validate(body.GivenName, body.FamilyName, body.DateOfBirth, body.Phone, body.Email, now))
            return CareProblems.Field(field, message);
        if (body.CoordinatorId is { } coordinator)
        {
            if (coordinator.Trim().Length > MaxCoordinatorIdLength) return CareProblems.Field("coordinatorId", $"A coordinator id is at most {MaxCoordinatorIdLength} characters.");
            if (TextHygiene.NameProblem(coordinator) is { } problem) return CareProblems.Field("coordinatorId", problem);
        }

        if (body.PreferredLanguage is { Length: > 100 }) return CareProblems.Field("preferredLanguage", "A preferred language is at most 100 characters.");
        if (TextHygiene.NameProblem(body.PreferredLanguage) is { } languageProblem) return CareProblems.Field("preferredLanguage", languageProblem);
        return null;
    }
}
