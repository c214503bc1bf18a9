namespace CareFlow.Infrastructure.Care.Demo;

/// <summary>A small fictional HSDS directory for the demo: six services with costs and eligibility.</summary>
internal static class DemoDirectory
{
    public const string Json = """
    [
      { "id": "demo-harbor", "name": "Harbor Housing Collaborative", "email": "info@harbor-housing.example", "website": "https://harbor-housing.example",
        "locations": [ { "id": "demo-harbor-quay", "name": "Quay Street office", "addresses": [ { "address_1": "12 Quay St", "city": "Riverton", "state_province": "NC", "postal_code": "27001" } ] } ],
        "services": [
          { "id": "demo-rapid-rehousing", "name": "Rapid re-housing", "status": "active", "category": "housing",
            "description": "Short-term rental assistance and case management to move into stable housing.",
            "eligibility_description": "Adults 18+ who are homeless or at imminent risk.", "minimum_age": 18, "fees_description": "Free",
            "application_process": "Referral from a case manager; intake interview within a week.",
            "languages": [ { "code": "en" }, { "code": "es" } ], "contacts": [ { "email": "referrals@harbor-housing.example" } ], "assured_date": "2026-09-01",
            "service_at_locations": [ { "id": "demo-sal-1", "location_id": "demo-harbor-quay" } ],
            "cost_options": [ { "id": "demo-cost-rehousing", "option": "No charge", "amount": 0, "currency": "USD" } ] } ] },
      { "id": "demo-northside", "name": "Northside Tenants Association",
        "services": [
          { "id": "demo-housing-search", "name": "Housing search and repairs advocacy", "status": "active", "category": "housing",
            "description": "Help finding units and getting landlords to fix mold, heat and leaks.", "fees_description": "Sliding scale",
            "eligibility_description": "Riverton county residents.", "languages": [ { "code": "en" } ], "contacts": [ { "email": "intake@northside-tenants.example" } ],
            "cost_options": [ { "id": "demo-cost-northside", "option": "Sliding scale", "amount": 25, "currency": "USD", "amount_description": "per month, waived below 150% FPL" } ] } ] },
      { "id": "demo-pantry", "name": "Riverton Community Food Pantry",
        "services": [
          { "id": "demo-food-pantry", "name": "Weekly groceries", "status": "active", "category": "food", "fees_description": "Free",
            "eligibility_description": "Anyone in need; photo ID requested but not required.", "languages": [ { "code": "en" }, { "code": "es" }, { "code": "vi" } ],
            "contacts": [ { "email": "help@riverton-pantry.example" } ],
            "cost_options": [ { "id": "demo-cost-pantry", "option": "No charge", "amount": 0, "currency": "USD" } ] } ] },
      { "id": "demo-metroride", "name": "MetroRide Health Transport",
        "services": [
          { "id": "demo-medical-rides", "name": "Rides to medical and treatment appointments", "status": "active", "category": "transportation",
            "fees_description": "$2 per ride; free with Medicaid", "eligibility_description": "Book 48 hours ahead.", "languages": [ { "code": "en" } ],
            "contacts": [ { "email": "bookings@metroride.example" } ],
            "cost_options": [ { "id": "demo-cost-ride", "option": "Per ride", "amount": 2, "currency": "USD", "amount_description": "free with Medicaid" } ] } ] },
      { "id": "demo-lakeside", "name": "Lakeside Energy Assistance Fund",
        "services": [
          { "id": "demo-utility-help", "name": "Shut-off prevention grants", "status": "active", "category": "utilities", "fees_description": "Free",
            "eligibility_description": "Household income under 200% FPL; a shut-off notice and proof of income are required.",
            "languages": [ { "code": "en" } ], "contacts": [ { "email": "grants@lakeside-energy.example" } ],
            "cost_options": [ { "id": "demo-cost-utility", "option": "Grant", "amount": 0, "currency": "USD", "amount_description": "up to $500 once a year" } ] } ] },
      { "id": "demo-safeharbor", "name": "Safe Harbor Advocacy Center",
        "services": [
          { "id": "demo-safety-advocacy", "name": "Safety planning and legal advocacy", "status": "active", "category": "safety", "fees_description": "Free, confidential",
            "eligibility_description": "Anyone experiencing violence at home.", "languages": [ { "code": "en" }, { "code": "es" } ],
            "contacts": [ { "email": "advocates@safeharbor.example" } ],
            "cost_options": [ { "id": "demo-cost-safety", "option": "No charge", "amount": 0, "currency": "USD" } ] } ] }
    ]
    """;
}
