using CareFlow.Core.Email;
using CareFlow.Core.Email.Templates;
using Microsoft.Extensions.Options;

namespace CareFlow.Infrastructure.Tests.Email;

public class EmailTemplatesTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 24, 17, 0, 0, TimeSpan.Zero);

    private static EmailTemplates Templates(EmailOptions? options = null) => new(Options.Create(options ?? new EmailOptions { SenderAddress = "referrals@example.org" }));

    public static TheoryData<string> All() => ["new", "reminder", "cancelled", "code", "escalation"];

    private static RenderedEmail Render(string which, ProviderReferralModel model) => which switch
    {
        "new" => Templates().NewReferral(model),
        "reminder" => Templates().ProviderReminder(model),
        "cancelled" => Templates().ReferralCancelled(model),
        "code" => Templates().OneTimeCode("123456", TimeSpan.FromMinutes(10)),
        _ => Templates().CoordinatorEscalation(model.Reference, model.ResponseDueAt, "https://careflow.example.org/"),
    };

    [Theory]
    [MemberData(nameof(All))]
    public void Render_NamesNoSudServiceAnywhere_WithTheDefaultBranding(string which)
    {
        var email = Render(which, new ProviderReferralModel("Harbor Rapid Rehousing", "R-1234", Due, "https://careflow.example.org/r/abc"));

        Assert.Null(SensitiveTerms.Find(string.Join("\n", email.From, email.Subject, email.Preheader, email.TextBody, email.HtmlBody)));
        Assert.DoesNotContain('\r', email.Subject);
        Assert.DoesNotContain('\n', email.Subject);
    }

    [Fact]
    public void NewReferral_CarriesProgramReferenceDueDateAndLink()
    {
        var email = Templates().NewReferral(new ProviderReferralModel("Harbor Rapid Rehousing", "R-1234", Due, "https://careflow.example.org/r/abc"));

        Assert.Equal("New referral R-1234", email.Subject);
        Assert.Contains("Harbor Rapid Rehousing", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Tuesday 24 November 2026", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://careflow.example.org/r/abc", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://careflow.example.org/r/abc\"", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HtmlEncodesEveryValue_AndKeepsHeadersOnOneLine()
    {
        var email = Templates().NewReferral(new ProviderReferralModel("<script>x</script> & Co", "R-1\r\nBcc: a@b.c", Due, "https://x.example/r/a\"onmouseover=\"x"));

        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt; &amp; Co", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\"onmouseover", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("New referral R-1 Bcc: a@b.c", email.Subject);
    }

    [Theory]
    [InlineData("Opioid Treatment Program")]
    [InlineData("Harbor Detox")]
    [InlineData("Substance Use Outpatient")]
    [InlineData("Alcohol Recovery House")]
    public void ProviderEmails_NeutraliseAProgramNameThatRevealsSud(string program)
    {
        var email = Templates().NewReferral(new ProviderReferralModel(program, "R-1", Due, "https://x.example/r/a"));

        Assert.Null(SensitiveTerms.Find(email.TextBody + email.HtmlBody + email.Subject));
        Assert.Contains("your program", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Sender_UsesTheOrganisationNameAndAddress()
    {
        var email = Templates(new EmailOptions { OrganizationName = "Northside \"Care\"", SenderAddress = "referrals@northside.example" })
            .OneTimeCode("123456", TimeSpan.FromMinutes(10));

        Assert.Equal("\"Northside 'Care'\" <referrals@northside.example>", email.From);
    }

    [Theory]
    [InlineData("Sunrise Addiction Services", "Addiction")]
    [InlineData("SUD program", "SUD")]
    [InlineData("Housing Services", null)]
    public void SensitiveTerms_FindsWordsThatRevealSud(string text, string? expected)
    {
        Assert.Equal(expected, SensitiveTerms.Find(text));
    }
}
