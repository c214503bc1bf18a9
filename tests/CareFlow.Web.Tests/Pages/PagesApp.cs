using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Web.Security;

namespace CareFlow.Web.Tests.Pages;

/// <summary>
/// The embedded default (SQLite) without demo data, with two coordinators, a supervisor and an admin who sign in
/// through the real form. Tests seed their own rows through <see cref="ICareData"/>, the app's unit of work.
/// </summary>
public sealed class PagesApp : CareFlowAppOptions
{
    public const string Coordinator = "cora";
    public const string OtherCoordinator = "colin";
    public const string Supervisor = "sam";
    public const string Admin = "ada";
    public const string Password = "pages-tests-password";

    public PagesApp()
    {
        DataDirectoryPrefix = "careflow-pages-tests";
        DemoData = false;
        UserPassword = Password;
        AddUsers((Coordinator, CareFlowRoles.Coordinator), (OtherCoordinator, CareFlowRoles.Coordinator), (Supervisor, CareFlowRoles.Supervisor), (Admin, CareFlowRoles.Admin));
        Settings["RightsSummary:Contact"] = "Questions? Call Pat at 555-0100.";
    }

    /// <summary>Adds a client and an open case on <paramref name="coordinator"/>'s caseload; returns the case.</summary>
    public static Case AddCase(ICareData data, string coordinator, string givenName = "Alex", string familyName = "Rivera")
    {
        ArgumentNullException.ThrowIfNull(data);
        var client = new Client
        {
            Id = Guid.NewGuid(), GivenName = givenName, FamilyName = familyName, NormalizedName = $"{givenName} {familyName}".ToLowerInvariant(),
            DateOfBirth = new DateOnly(1990, 1, 2), CreatedAt = DateTimeOffset.UtcNow,
        };
        var @case = new Case
        {
            Id = Guid.NewGuid(), ClientId = client.Id, CoordinatorId = coordinator, CoordinatorName = coordinator, Stage = CaseStage.Referral,
            Status = CaseStatus.Open, OpenedAt = DateTimeOffset.UtcNow,
        };
        data.Add(client);
        data.Add(@case);
        return @case;
    }
}
