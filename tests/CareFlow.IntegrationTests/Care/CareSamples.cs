namespace CareFlow.IntegrationTests.Care;

internal static class CareSamples
{
    public const string HarborOrg = "org-harbor";
    public const string HarborEmail = "referrals@harbor-housing.example";
    public const string HarborService = "svc-harbor-rapid-rehousing";
    public const string NorthsideOrg = "org-northside";
    public const string NorthsideEmail = "intake@northside-tenants.example";
    public const string NorthsideService = "svc-northside-housing-help";

    public const string Hsds = """
    [
      { "id": "org-harbor", "name": "Harbor Housing Collaborative", "email": "info@harbor-housing.example",
        "locations": [ { "id": "loc-harbor-1", "name": "Harbor main office", "addresses": [ { "address_1": "12 Quay St", "city": "Riverton", "state_province": "NC", "postal_code": "27001" } ] } ],
        "services": [ { "id": "svc-harbor-rapid-rehousing", "name": "Rapid re-housing", "status": "active", "category": "housing",
          "eligibility_description": "Adults 18+ experiencing homelessness", "minimum_age": 18, "fees_description": "Free",
          "languages": [ { "code": "en" }, { "code": "es" } ], "contacts": [ { "email": "referrals@harbor-housing.example" } ],
          "assured_date": "2026-01-15", "service_at_locations": [ { "id": "sal-1", "location_id": "loc-harbor-1" } ],
          "cost_options": [ { "id": "cost-harbor-free", "option": "No charge", "amount": 0, "currency": "USD" } ] } ] },
      { "id": "org-northside", "name": "Northside Tenants Association",
        "services": [ { "id": "svc-northside-housing-help", "name": "Housing search assistance", "status": "active", "category": "housing",
          "fees_description": "Sliding scale", "contacts": [ { "email": "intake@northside-tenants.example" } ],
          "cost_options": [ { "id": "cost-northside-sliding", "option": "Sliding scale", "amount": 25, "currency": "USD", "amount_description": "per month, waived on low income" } ] } ] }
    ]
    """;

    /// <summary>Housing positive; interpersonal safety sum 12 (> 10) when <paramref name="unsafeAtHome"/>.</summary>
    public static object Screening(bool unsafeAtHome) => new
    {
        instrumentId = "ahc-hrsn-core",
        answers = new Dictionary<string, string[]>
        {
            ["living-situation"] = ["worried"], ["housing-problems"] = ["mold"], ["food-worry"] = ["never"], ["food-last"] = ["never"],
            ["transportation"] = ["no"], ["utilities"] = ["no"],
            ["safety-hurt"] = [unsafeAtHome ? "sometimes" : "never"], ["safety-insult"] = [unsafeAtHome ? "sometimes" : "never"],
            ["safety-threaten"] = [unsafeAtHome ? "sometimes" : "never"], ["safety-scream"] = [unsafeAtHome ? "sometimes" : "never"],
        },
    };
}
