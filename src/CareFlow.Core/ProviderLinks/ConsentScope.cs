using System.Globalization;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Referrals;

namespace CareFlow.Core.ProviderLinks;

/// <summary>
/// Which client fields a consent's "what information" covers. The name is always part of a referral disclosure;
/// other fields only when the consent's description names them (minimum necessary), and contact details never when
/// the client asked not to be contacted.
/// </summary>
public static class ConsentScope
{
    public static IReadOnlyList<KeyValuePair<string, string>> Fields(Consent consent, Client client, Referral referral)
    {
        var scope = consent.InformationDescription.ToLowerInvariant();
        var fields = new List<KeyValuePair<string, string>> { new("name", $"{client.GivenName} {client.FamilyName}") };
        if (Mentions(scope, "birth", "dob", "demographic", "age"))
            fields.Add(new("date of birth", client.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (Mentions(scope, "contact", "phone", "email", "address") && !client.DoNotContact && !referral.DoNotContactClient)
        {
            if (!string.IsNullOrEmpty(client.Phone)) fields.Add(new("phone", client.Phone));
            if (!string.IsNullOrEmpty(client.Email)) fields.Add(new("email", client.Email));
        }

        if (Mentions(scope, "language", "demographic") && !string.IsNullOrEmpty(client.PreferredLanguage))
            fields.Add(new("preferred language", client.PreferredLanguage));
        if (Mentions(scope, "need", "referral", "service"))
            fields.Add(new("need", referral.Category));
        if (client.DoNotContact || referral.DoNotContactClient)
            fields.Add(new("contact", "Do not contact the client directly; reply through the coordinator."));
        return fields;
    }

    private static bool Mentions(string scope, params string[] words) => words.Any(w => scope.Contains(w, StringComparison.Ordinal));
}
