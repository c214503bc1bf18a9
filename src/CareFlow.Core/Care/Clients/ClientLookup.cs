namespace CareFlow.Core.Care.Clients;

/// <summary>
/// The client matching shared by intake (the workflow's RegisterOrMatchClient) and the intake form's duplicate
/// warning, and the search over name, date of birth or phone: one normalisation, one matcher.
/// </summary>
public static class ClientLookup
{
    /// <summary>The client an intake request would register (not added to the unit of work).</summary>
    public static Client Candidate(IntakeRequest intake, DateTimeOffset now)
    {
        return new Client
        {
            Id = Guid.CreateVersion7(now), GivenName = intake.GivenName.Trim(), FamilyName = intake.FamilyName.Trim(),
            NormalizedName = ClientNormalizer.Name(intake.GivenName, intake.FamilyName), DateOfBirth = intake.DateOfBirth,
            Phone = intake.Phone, Email = intake.Email, NormalizedPhone = ClientNormalizer.Phone(intake.Phone), NormalizedEmail = ClientNormalizer.Email(intake.Email),
            PreferredLanguage = intake.PreferredLanguage, DoNotContact = intake.DoNotContact, CreatedAt = now,
        };
    }

    /// <summary>Matches the candidate against the stored clients sharing its date of birth, name or a contact detail.</summary>
    public static async Task<(ClientMatchKind Kind, Client? Client)> MatchAsync(ICareData data, Client candidate, CancellationToken cancellationToken = default)
    {
        // A record merged into another is history: the survivor stands for the person.
        var existing = await data.ToListAsync(data.Query<Client>().Where(c => c.MergedIntoId == null).Where(c => c.DateOfBirth == candidate.DateOfBirth || c.NormalizedName == candidate.NormalizedName
            || (candidate.NormalizedPhone != null && c.NormalizedPhone == candidate.NormalizedPhone)
            || (candidate.NormalizedEmail != null && c.NormalizedEmail == candidate.NormalizedEmail)), cancellationToken);
        return ClientMatcher.Match(candidate, existing);
    }

    /// <summary>
    /// Narrows clients by a search term: a date (YYYY-MM-DD) matches the date of birth, a term of 7 or more digits
    /// the normalised phone, anything else the normalised name.
    /// </summary>
    public static IQueryable<Client> Search(IQueryable<Client> clients, string? term)
    {
        if (string.IsNullOrWhiteSpace(term)) return clients;
        term = term.Trim();
        if (DateOnly.TryParseExact(term, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var dob))
            return clients.Where(c => c.DateOfBirth == dob);
        if (term.Count(char.IsAsciiDigit) >= 7 && term.All(ch => char.IsAsciiDigit(ch) || " +-().".Contains(ch, StringComparison.Ordinal)))
        {
            var phone = ClientNormalizer.Phone(term);
            return clients.Where(c => c.NormalizedPhone == phone);
        }

        var name = ClientNormalizer.Name(term, "");
        return clients.Where(c => c.NormalizedName.Contains(name));
    }
}
