using CareFlow.Core.Care.Clients;

namespace CareFlow.Core.Tests.Care;

public sealed class ClientMatcherTests
{
    private static Client Make(string given, string family, int year, string? phone = null, string? email = null) => new()
    {
        Id = Guid.NewGuid(), GivenName = given, FamilyName = family, NormalizedName = ClientNormalizer.Name(given, family),
        DateOfBirth = new DateOnly(year, 3, 14), Phone = phone, Email = email,
        NormalizedPhone = ClientNormalizer.Phone(phone), NormalizedEmail = ClientNormalizer.Email(email),
    };

    [Fact]
    public void Match_Exact_WhenNameBirthDateAndPhoneAgreeDespiteFormatting()
    {
        var existing = Make("José", "O'Neil", 1990, phone: "+1 (555) 010-2030");
        var (kind, client) = ClientMatcher.Match(Make("jose", "ONeil ", 1990, phone: "555-010-2030"), [existing]);
        Assert.Equal(ClientMatchKind.Exact, kind);
        Assert.Same(existing, client);
    }

    [Fact]
    public void Match_Possible_WhenOnlyNameAndBirthDateAgree()
    {
        var (kind, _) = ClientMatcher.Match(Make("Ana", "Silva", 1985, email: "ana@example.org"), [Make("Ana", "Silva", 1985, email: "other@example.org")]);
        Assert.Equal(ClientMatchKind.Possible, kind);
    }

    [Fact]
    public void Match_Possible_WhenBirthDateAndEmailAgreeButNameDiffers()
    {
        var (kind, _) = ClientMatcher.Match(Make("Ana", "Souza", 1985, email: "Ana@Example.org"), [Make("Ana", "Silva", 1985, email: "ana@example.org")]);
        Assert.Equal(ClientMatchKind.Possible, kind);
    }

    [Fact]
    public void Match_None_WhenOnlyNameAgrees()
    {
        var (kind, client) = ClientMatcher.Match(Make("Ana", "Silva", 1985), [Make("Ana", "Silva", 1972)]);
        Assert.Equal(ClientMatchKind.None, kind);
        Assert.Null(client);
    }

    [Fact]
    public void Match_PrefersExact_WhenBothKindsExist()
    {
        var exact = Make("Ana", "Silva", 1985, phone: "5550102030");
        var (kind, client) = ClientMatcher.Match(Make("Ana", "Silva", 1985, phone: "5550102030"), [Make("Ana", "Silva", 1985), exact]);
        Assert.Equal(ClientMatchKind.Exact, kind);
        Assert.Same(exact, client);
    }
}
