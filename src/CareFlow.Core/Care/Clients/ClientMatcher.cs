namespace CareFlow.Core.Care.Clients;

/// <summary>Duplicate matching at intake on normalised name, date of birth and a contact detail.</summary>
public static class ClientMatcher
{
    public static (ClientMatchKind Kind, Client? Client) Match(Client candidate, IEnumerable<Client> existing)
    {
        Client? possible = null;
        foreach (var other in existing)
        {
            var score = Compare(candidate, other);
            if (score == 3) return (ClientMatchKind.Exact, other);
            if (score == 2) possible ??= other;
        }

        return possible is null ? (ClientMatchKind.None, null) : (ClientMatchKind.Possible, possible);
    }

    /// <summary>How many of name, date of birth and contact agree (0-3).</summary>
    public static int Compare(Client a, Client b)
    {
        var score = 0;
        if (a.NormalizedName.Length > 0 && a.NormalizedName == b.NormalizedName) score++;
        if (a.DateOfBirth == b.DateOfBirth) score++;
        if ((a.NormalizedPhone is not null && a.NormalizedPhone == b.NormalizedPhone)
            || (a.NormalizedEmail is not null && a.NormalizedEmail == b.NormalizedEmail)) score++;
        return score;
    }
}
