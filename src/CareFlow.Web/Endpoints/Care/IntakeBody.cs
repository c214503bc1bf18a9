using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

public sealed record IntakeBody(string? GivenName, string? FamilyName, DateOnly? DateOfBirth, string? Phone, string? Email,
    string? PreferredLanguage, bool DoNotContact, string? CoordinatorId, string? CoordinatorName)
{
    internal static ValidationProblem? Validate(IntakeBody? body, DateTimeOffset now)
    {
        if (body is null) return CareProblems.Field("body", "A JSON body is required.");
        if (string.IsNullOrWhiteSpace(body.GivenName)) return CareProblems.Field("givenName", "Given name is required.");
        if (string.IsNullOrWhiteSpace(body.FamilyName)) return CareProblems.Field("familyName", "Family name is required.");
        if (body.DateOfBirth is not { } dob) return CareProblems.Field("dateOfBirth", "Date of birth is required (YYYY-MM-DD).");
        if (dob > DateOnly.FromDateTime(now.UtcDateTime) || dob.Year < 1900) return CareProblems.Field("dateOfBirth", "Date of birth is not plausible.");
        if (!string.IsNullOrWhiteSpace(body.Email) && !MailAddress.TryCreate(body.Email, out _)) return CareProblems.Field("email", "Not an email address.");
        if (!string.IsNullOrWhiteSpace(body.Phone) && body.Phone.Count(char.IsAsciiDigit) < 7) return CareProblems.Field("phone", "A phone number needs at least 7 digits.");
        return null;
    }
}
