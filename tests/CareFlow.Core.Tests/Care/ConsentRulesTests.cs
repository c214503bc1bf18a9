using CareFlow.Core.Care.Consents;

namespace CareFlow.Core.Tests.Care;

public sealed class ConsentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static Consent Make(string? org = "org-1", string? email = null, DateOnly? expires = null, DateTimeOffset? revoked = null) => new()
    {
        Id = Guid.NewGuid(), ClientId = Guid.NewGuid(), RecipientOrganizationId = org, RecipientEmail = email, Purpose = "Housing referral",
        InformationDescription = "Name, contact, housing need", DisclosingParty = "CareFlow program", SignedBy = "Client", SignedAt = Now.AddDays(-1),
        ExpiresOn = expires ?? new DateOnly(2026, 12, 31), RevokedAt = revoked,
    };

    [Fact]
    public void Check_Valid_WhenConsentNamesOrganisation() =>
        Assert.Equal(ConsentVerdict.Valid, ConsentRules.Check([Make()], "org-1", "intake@provider.example", Now).Verdict);

    [Fact]
    public void Check_Valid_WhenConsentNamesEmailCaseInsensitively() =>
        Assert.Equal(ConsentVerdict.Valid, ConsentRules.Check([Make(org: null, email: "Intake@Provider.example")], "org-9", "intake@provider.example", Now).Verdict);

    [Fact]
    public void Check_Missing_WhenConsentNamesAnotherRecipient()
    {
        var check = ConsentRules.Check([Make(org: "org-2")], "org-1", null, Now);
        Assert.Equal(ConsentVerdict.MissingOrExpired, check.Verdict);
        Assert.Null(check.ConsentId);
    }

    [Fact]
    public void Check_Expired_WhenExpiryDatePassed() =>
        Assert.Equal(ConsentVerdict.MissingOrExpired, ConsentRules.Check([Make(expires: new DateOnly(2026, 3, 1))], "org-1", null, Now).Verdict);

    [Fact]
    public void Check_ValidOnExpiryDay() =>
        Assert.Equal(ConsentVerdict.Valid, ConsentRules.Check([Make(expires: new DateOnly(2026, 3, 2))], "org-1", null, Now).Verdict);

    [Fact]
    public void Check_Revoked_WhenOnlyConsentWasRevoked() =>
        Assert.Equal(ConsentVerdict.Revoked, ConsentRules.Check([Make(revoked: Now.AddHours(-1))], "org-1", null, Now).Verdict);

    [Fact]
    public void Check_Valid_WhenANewerConsentReplacesARevokedOne() =>
        Assert.Equal(ConsentVerdict.Valid, ConsentRules.Check([Make(revoked: Now.AddHours(-1)), Make()], "org-1", null, Now).Verdict);

    [Fact]
    public void Validate_NamesRecipientAndPurpose_WhenMissing()
    {
        var consent = Make(org: null);
        consent.Purpose = " ";
        Assert.Equal(["purpose", "recipient"], ConsentRules.Validate(consent).Select(e => e.Field).Order(StringComparer.Ordinal));
    }
}
